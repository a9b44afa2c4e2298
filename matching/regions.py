"""Which side of the programme a country is on; the engine keeps its own copy so it stays Django-free."""

from django.db import models
from django.utils.translation import gettext_lazy as _

BSR_COUNTRIES = ("DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "SE")
EAST_COUNTRIES = ("UA", "MD")
PROGRAMME_COUNTRIES = BSR_COUNTRIES + EAST_COUNTRIES


class Region(models.TextChoices):
    BSR = "bsr", _("Baltic Sea Region")
    EAST = "east", _("Ukraine and Moldova")


def region_of(country_code: str) -> str:
    """The region of an ISO 3166-1 alpha-2 code; ValueError outside the programme."""
    code = (country_code or "").upper()
    if code in BSR_COUNTRIES:
        return Region.BSR
    if code in EAST_COUNTRIES:
        return Region.EAST
    raise ValueError(f"{country_code!r} is not a programme country")
