import pytest
from wagtail.models import Locale

from cms.editorial.translations import translate_instance
from home.demo_content import string_map
from matching.models import PartnerFinderPage, RegisterCityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, django_capture_on_commit_callbacks):
    finder = PartnerFinderPage(title="Find a partner city", slug="partner-finder")
    register = RegisterCityPage(title="Register your city", slug="register")
    for page in (finder, register):
        home_page.add_child(instance=page)
        page.save_revision().publish()
    uk = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(home_page, uk, string_map("uk"))
        translate_instance(finder, uk, {"Find a partner city": "Знайти місто-партнера"})
    return finder, register


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("staff", "s@example.org", "pw"))
    return client


def test_overview_counts_translated_outdated_and_missing_per_language(staff_client, pages):
    finder, _register = pages
    finder.title = "Find a partner"
    finder.save_revision().publish()
    html = staff_client.get("/admin/translation-overview/", {"language": "uk"}).content.decode()
    assert "<title>Translation overview - " in html
    assert "Find a partner" in html and "uk: outdated" in html
    assert "Register your city" in html and "uk: missing" in html
    assert "RESCOM" in html and "uk: translated" in html


def test_overview_filters_by_state_with_links_to_the_editor(staff_client, pages):
    _finder, register = pages
    html = staff_client.get(
        "/admin/translation-overview/", {"language": "ro", "state": "missing"}
    ).content.decode()
    assert "Register your city" in html and "Find a partner city" in html
    assert f"/admin/pages/{register.pk}/edit/" in html
    translated = staff_client.get(
        "/admin/translation-overview/", {"language": "uk", "state": "missing"}
    )
    assert "Find a partner city" not in translated.content.decode().split("<h2>")[-1]
