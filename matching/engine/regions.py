"""The BSR <-> East divide: every suggested pair has one city on each side."""

BSR = "bsr"
EAST = "east"

#: The CBSS states.
BSR_COUNTRIES = frozenset({"DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "SE"})
EAST_COUNTRIES = frozenset({"UA", "MD"})


def region_of(country: str) -> str:
    """Return "bsr" or "east" for an ISO country code; any other country is a ValueError."""
    if country in BSR_COUNTRIES:
        return BSR
    if country in EAST_COUNTRIES:
        return EAST
    raise ValueError(
        f"{country!r} is neither a BSR country ({' '.join(sorted(BSR_COUNTRIES))}) "
        f"nor an East one ({' '.join(sorted(EAST_COUNTRIES))})"
    )


def other_side(region: str) -> str:
    """The region a city's partners come from."""
    if region not in (BSR, EAST):
        raise ValueError(f"unknown region {region!r}")
    return EAST if region == BSR else BSR
