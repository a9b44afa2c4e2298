"""Which side of the programme a country is on; the engine keeps its own copy so it stays Django-free."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from matching.translated import per_language

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


def country_name(country) -> str:
    """The name of a country (a code, or django-countries' `Country`) in the active language.

    Looked up once per process and language: django-countries translates a name afresh
    on every use, and cards, filters and suggestions show dozens.
    """
    return _country_name(getattr(country, "code", country) or "")


@per_language
def _country_name(code: str) -> str:
    return str(countries.name(code))
