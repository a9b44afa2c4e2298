import pytest
from django.db.models import Max, Min

from matching.directory import import_directory, load_seed_cities
from matching.models import City, CityStatus, CityText
from matching.regions import PROGRAMME_COUNTRIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    load_seed_cities()
    return import_directory()


def test_directory_holds_the_programme_countries_mid_sized_places(directory):
    assert directory["imported"] > 2500
    band = City.objects.filter(geonames_id__isnull=False).exclude(cultural_pearls__gt="")
    stats = band.aggregate(lo=Min("population"), hi=Max("population"))
    assert stats["lo"] >= 10_000 and stats["hi"] <= 100_000
    assert set(City.objects.values_list("country", flat=True)) <= set(PROGRAMME_COUNTRIES)
    assert {"UA", "MD", "SE", "PL", "DE"} <= set(City.objects.values_list("country", flat=True))


def test_directory_entries_are_unclaimed_with_real_facts(directory):
    dubno = City.objects.get(slug="ua-dubno")
    assert dubno.status == CityStatus.UNCLAIMED
    assert 30_000 < dubno.population < 45_000
    assert dubno.region == "east"
    assert City.objects.get(slug="se-harnosand").region == "bsr"


def test_seed_places_outside_the_band_are_kept(directory):
    assert City.objects.get(slug="ua-rivne").population > 100_000
    assert City.objects.get(slug="md-anenii-noi").population < 10_000
    # Municipalities the data lacks wait for the city to confirm their population.
    assert City.objects.get(slug="ee-mulgi").population is None


def test_import_is_idempotent_and_keeps_editors_corrections(directory):
    count = City.objects.count()
    City.objects.filter(slug="ua-dubno").update(name="Dubno (corrected)")
    again = import_directory()
    assert again["imported"] == 0
    assert City.objects.count() == count
    assert City.objects.get(slug="ua-dubno").name == "Dubno (corrected)"


def test_ukrainian_and_romanian_name_forms_are_added(directory):
    assert CityText.objects.get(city__slug="ua-dubno", locale__language_code="uk").name == "Дубно"
    assert CityText.objects.get(city__slug="md-cahul", locale__language_code="uk").name == "Кагул"
    assert CityText.objects.filter(locale__language_code="ro", city__country="MD").exists()
