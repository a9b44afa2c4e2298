import json

import pytest
from django.core.management import CommandError, call_command

from matching.engine.profiles import ProfileError, load_profiles
from matching.exchange import export_profiles, import_profiles
from matching.models import City, CityStatus
from matching.reference_data import load_taxonomy
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def taxonomy(home_page):
    list(load_taxonomy())


PROFILE = {
    "id": "md-cahul",
    "name": "Cahul",
    "country": "MD",
    "population": 34000,
    "challenges": {"brain-drain": 3},
    "offers": ["folk-traditions"],
    "seeks": ["libraries"],
    "languages": ["ro", "en"],
    "description": "A town on the Prut.",
}


def test_export_holds_approved_profiles_only_in_the_shared_format(home_page):
    CityFactory(name="Cahul", slug="md-cahul", country="MD", challenges={"brain-drain": 3})
    for status in (CityStatus.PENDING, CityStatus.DRAFT, CityStatus.REJECTED, CityStatus.WITHDRAWN):
        CityFactory(name=f"Hidden {status}", country="UA", status=status)
    exported = export_profiles()
    assert [p["id"] for p in exported] == ["md-cahul"]
    assert exported[0]["challenges"] == {"brain-drain": 3}
    assert load_profiles(exported)  # valid against the exchange schema


def test_import_then_export_round_trips(home_page):
    import_profiles([PROFILE])
    cahul = City.objects.get(slug="md-cahul")
    assert cahul.status == CityStatus.APPROVED and cahul.region == "east"
    exported = export_profiles()[0]
    assert {k: exported[k] for k in PROFILE} == PROFILE | {"languages": ["en", "ro"]}


def test_a_bad_file_changes_nothing(home_page):
    bad = [PROFILE, {**PROFILE, "id": "ua-x", "country": "FR"}]
    with pytest.raises(ProfileError, match="ua-x"):
        import_profiles(bad)
    assert not City.objects.filter(slug="md-cahul").exists()


def test_import_command_reports_bad_input_in_one_line(home_page, tmp_path):
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps([{**PROFILE, "population": 0}]))
    with pytest.raises(CommandError) as error:
        call_command("import_profiles", str(path))
    assert "md-cahul" in str(error.value) and "\n" not in str(error.value)
    assert not City.objects.filter(slug="md-cahul").exists()


def test_unknown_taxonomy_slugs_are_refused_not_dropped(home_page):
    with pytest.raises(ProfileError, match="festivalz"):
        import_profiles([{**PROFILE, "offers": ["festivalz"]}])
    assert not City.objects.filter(slug="md-cahul").exists()
