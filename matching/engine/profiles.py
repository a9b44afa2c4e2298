"""City profiles in the exchange format (profile.schema.json), read and checked.

Every rejection is a ProfileError whose message is one line naming the profile and the
field, so the command line and the site's import can show it as it is. Good input is read
by orjson and checked whole by jsonschema-rs (compiled, a few milliseconds for 10,000
profiles); only input they refuse is read again by the standard library and checked
profile by profile with jsonschema, whose errors name the field. So messages, and what
is accepted, are the standard library's and jsonschema's.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import jsonschema_rs
import orjson

if TYPE_CHECKING:  # jsonschema is imported only to explain what the compiled check refused
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from matching.engine.regions import BSR_COUNTRIES, EAST_COUNTRIES, region_of

APPROVED = "approved"
STATUSES = ("draft", "pending", APPROVED)

_MAX_MESSAGE = 160


class ProfileError(ValueError):
    """Bad input; str() is one line naming the profile (id or index) and the field."""


@dataclass(frozen=True)
class Profile:
    """One city, as the engine reads it: language-neutral facts plus name and description."""

    id: str
    name: str
    country: str
    population: int
    lat: float | None = None
    lon: float | None = None
    challenges: dict[str, int] = field(default_factory=dict, hash=False)
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    host_capacity: int = 0
    description: str = ""
    status: str = APPROVED

    def __post_init__(self) -> None:
        region_of(self.country)  # fail early on a country outside both regions
        # Accept any iterable for the set-valued fields, so tests and callers stay short.
        for name in ("offers", "seeks", "roles", "languages"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "challenges", dict(sorted(self.challenges.items())))

    @property
    def region(self) -> str:
        """ "bsr" or "east", from the country."""
        return region_of(self.country)

    @property
    def is_approved(self) -> bool:
        return self.status == APPROVED


@cache
def profile_schema() -> dict[str, Any]:
    """The exchange format's JSON Schema (a copy of ../shared/matching/profile.schema.json)."""
    text = resources.files(__package__).joinpath("profile.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _item_validator() -> "Draft202012Validator":
    from jsonschema import Draft202012Validator

    return Draft202012Validator(profile_schema()["items"])


@cache
def _document_validator() -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(profile_schema())


def parse_profiles_json(text: str) -> list[Profile]:
    """Parse a JSON document in the exchange format; NaN and Infinity are not JSON."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        data = _read_strictly(text)  # the standard library's verdict and message
    return load_profiles(data)


def _read_strictly(text: str) -> object:
    def reject_constant(name: str) -> None:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise ProfileError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except (ValueError, RecursionError) as error:
        raise ProfileError(f"not valid JSON: {_one_line(str(error))}") from None


def load_profiles(data: object) -> list[Profile]:
    """Check decoded JSON against the schema, the regions and id uniqueness; build Profiles."""
    if not isinstance(data, list):
        raise ProfileError(
            f"profiles: expected a JSON array of profile objects, got {_json_type(data)}"
        )
    checked = _conforms(data)
    profiles: list[Profile] = []
    first_index: dict[str, int] = {}
    for index, item in enumerate(data):
        profile = _parse_item(index, item, checked)
        if profile.id in first_index:
            raise ProfileError(
                f'{_who(index, item)}, field "id": duplicate of the profile at index '
                f"{first_index[profile.id]}"
            )
        first_index[profile.id] = index
        profiles.append(profile)
    return profiles


def profiles_to_json(profiles: Iterable[Profile]) -> list[dict[str, Any]]:
    """The exchange format for Profiles (sets as sorted lists), e.g. to write test files."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "country": p.country,
            "population": p.population,
            **({"lat": p.lat} if p.lat is not None else {}),
            **({"lon": p.lon} if p.lon is not None else {}),
            "challenges": dict(p.challenges),
            "offers": sorted(p.offers),
            "seeks": sorted(p.seeks),
            "roles": sorted(p.roles),
            "languages": sorted(p.languages),
            "host_capacity": p.host_capacity,
            "description": p.description,
            "status": p.status,
        }
        for p in profiles
    ]


def _conforms(data: list) -> bool:
    """Whether the whole document passes the compiled check (any doubt counts as no)."""
    try:
        return _document_validator().is_valid(data)
    except (ValueError, OverflowError, TypeError, RecursionError):
        return False


def _parse_item(index: int, item: object, checked: bool = False) -> Profile:
    if not checked:
        from jsonschema.exceptions import best_match

        error = best_match(_item_validator().iter_errors(item))
        if error is not None:
            raise ProfileError(_describe(index, item, error))
    country = item["country"]
    if country not in BSR_COUNTRIES and country not in EAST_COUNTRIES:
        raise ProfileError(
            f'{_who(index, item)}, field "country": {country!r} is neither a BSR country '
            f"({' '.join(sorted(BSR_COUNTRIES))}) nor an East one "
            f"({' '.join(sorted(EAST_COUNTRIES))})"
        )
    return Profile(
        id=item["id"],
        name=item["name"],
        country=country,
        # The schema's "integer" admits 3.0; the engine keeps ints.
        population=int(item["population"]),
        lat=_optional_float(item.get("lat")),
        lon=_optional_float(item.get("lon")),
        challenges={slug: int(weight) for slug, weight in item.get("challenges", {}).items()},
        offers=frozenset(item.get("offers", ())),
        seeks=frozenset(item.get("seeks", ())),
        roles=frozenset(item.get("roles", ())),
        languages=frozenset(item.get("languages", ())),
        host_capacity=int(item.get("host_capacity", 0)),
        description=item.get("description", ""),
        status=item.get("status", APPROVED),
    )


def _describe(index: int, item: object, error: "ValidationError") -> str:
    who = _who(index, item)
    if not isinstance(item, dict):
        return f"{who}: expected a profile object, got {_json_type(item)}"
    path = list(error.absolute_path)
    if error.validator == "required" and not path:
        missing = next(key for key in error.validator_value if key not in item)
        return f'{who}, field "{missing}": required but missing'
    return f'{who}, field "{_field_name(path)}": {_one_line(error.message)}'


def _who(index: int, item: object) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
        return f"profile {_one_line(json.dumps(item['id'], ensure_ascii=False))} (index {index})"
    return f"profile at index {index}"


def _field_name(path: list[str | int]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "an object"
    return "an array"


def _optional_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
