import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from matching.directory import load_seed_cities
from matching.models import CityApplication
from matching.reference_data import load_taxonomy
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def test_staff_browse_and_filter_cities_in_the_admin(staff_client):
    load_seed_cities()
    response = staff_client.get("/admin/snippets/matching/city/", {"country": "UA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dubno" in html and "Härnösand" not in html


@pytest.mark.parametrize(
    ("listing", "query", "found", "not_found"),
    [
        ("city", "harn", "Härnösand", "Dubno"),
        ("city", "ua-dub", "Dubno", "Härnösand"),
        ("challenge", "brain", "Brain drain", "Tourism"),
        ("culturetheme", "librar", "Libraries", "Festivals"),
    ],
)
def test_staff_search_the_directory_and_taxonomy_listings(
    staff_client, listing, query, found, not_found
):
    load_seed_cities()
    list(load_taxonomy())
    response = staff_client.get(f"/admin/snippets/matching/{listing}/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert found in html and not_found not in html


def test_staff_see_the_taxonomy_by_group(staff_client):
    list(load_taxonomy())
    response = staff_client.get("/admin/snippets/matching/challenge/", {"group": "demographic"})
    html = response.content.decode()
    assert "Brain drain" in html and "Tourism" not in html


def test_city_edit_form_opens_with_its_challenges(staff_client):
    load_seed_cities()
    from matching.models import City

    city = City.objects.get(slug="md-cahul")
    response = staff_client.get(f"/admin/snippets/matching/city/edit/{city.pk}/")
    assert response.status_code == 200
    assert b"Challenges" in response.content


def test_dashboard_tells_staff_a_recompute_failed_and_what_visitors_see(staff_client, monkeypatch):
    from matching import services
    from tests.matching.factories import CityFactory

    CityFactory(name="Cahul", slug="md-cahul", country="MD")
    CityFactory(name="Vejle", slug="dk-vejle", country="DK")
    services.recompute_suggestions()
    monkeypatch.setattr(
        services.PairScorer, "fit", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom"))
    )
    services.recompute_suggestions()
    html = staff_client.get("/admin/").content.decode()
    assert "failed" in html and "boom" in html
    assert "Visitors still see the suggestions computed on" in html


def test_staff_download_approved_profiles_in_the_exchange_format(staff_client):
    from matching.engine.profiles import load_profiles
    from tests.matching.factories import CityFactory

    CityFactory(name="Cahul", slug="md-cahul", country="MD")
    CityFactory(name="Hidden", slug="md-hidden", country="MD", status="pending")
    response = staff_client.get("/admin/matching/export-profiles/")
    assert response["Content-Disposition"].startswith("attachment")
    profiles = load_profiles(json.loads(response.content))
    assert [p.id for p in profiles] == ["md-cahul"]


def test_recording_an_outcome_stamps_who_and_when(staff_client):
    from django.utils import timezone

    from matching.models import IntroductionRequest
    from tests.matching.factories import CityFactory

    a = CityFactory(name="Cahul", slug="md-cahul", country="MD")
    b = CityFactory(name="Vejle", slug="dk-vejle", country="DK")
    intro = IntroductionRequest.objects.create(
        from_city=a,
        to_city=b,
        message="hi",
        contact_name="X",
        contact_email="x@example.org",
        consent_given_at=timezone.now(),
        consent_language="en",
    )
    url = f"/admin/snippets/matching/introductionrequest/edit/{intro.pk}/"
    response = staff_client.post(url, {"outcome": "met", "outcome_note": "Met in Vejle"})
    assert response.status_code == 302
    intro.refresh_from_db()
    assert (
        intro.outcome == "met"
        and intro.outcome_recorded_at
        and intro.handled_by.username == "staff"
    )


def test_staff_pick_working_languages_with_checkboxes(staff_client):
    load_seed_cities()
    from matching.models import City

    city = City.objects.get(slug="md-cahul")
    html = staff_client.get(f"/admin/snippets/matching/city/edit/{city.pk}/").content.decode()
    assert 'type="checkbox" name="languages" value="ro"' in html


def form_values(html: str) -> dict:
    """What a browser would submit for the edit form as rendered (selected options, checked boxes)."""
    from bs4 import BeautifulSoup

    forms = BeautifulSoup(html, "html.parser").find_all("form")
    form = next(f for f in forms if f.find(attrs={"name": "slug"}))
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            values = [
                o.get("value", "") for o in field.find_all("option") if o.has_attr("selected")
            ]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        else:
            values = [field.get("value", "") if field.name == "input" else field.text]
        data.setdefault(name, []).extend(values)
    return data


def test_staff_approve_a_pending_profile_in_the_admin(
    staff_client, django_capture_on_commit_callbacks
):
    from matching.models import City, CityStatus, StoredSuggestion
    from tests.matching.factories import CityFactory

    CityFactory(name="Vejle", slug="dk-vejle", country="DK", challenges={"brain-drain": 2})
    cahul = CityFactory(
        name="Cahul",
        slug="md-cahul",
        country="MD",
        status=CityStatus.PENDING,
        challenges={"brain-drain": 3},
    )
    url = f"/admin/snippets/matching/city/edit/{cahul.pk}/"
    data = form_values(staff_client.get(url).content.decode())
    data |= {"status": ["approved"], "languages": ["ro", "en"]}
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    cahul = City.objects.get(pk=cahul.pk)
    assert cahul.status == CityStatus.APPROVED and sorted(cahul.languages) == ["en", "ro"]
    assert cahul.challenges.get().weight == 3
    assert StoredSuggestion.objects.filter(city=cahul, partner__slug="dk-vejle").exists()


def test_a_challenge_listed_twice_is_a_form_error_not_a_crash(staff_client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from matching.models import Challenge, CityStatus
    from tests.matching.factories import CityFactory, term

    cahul = CityFactory(name="Cahul", slug="md-cahul", country="MD", status=CityStatus.PENDING)
    brain_drain = term(Challenge, "brain-drain")
    data = nested_form_data(
        {
            "name": "Cahul",
            "slug": "md-cahul",
            "country": "MD",
            "population": "34000",
            "host_capacity": "0",
            "status": "pending",
            "cultural_pearls": "",
            "challenges": inline_formset(
                [
                    {"challenge": brain_drain.pk, "weight": "3", "ORDER": "1"},
                    {"challenge": brain_drain.pk, "weight": "1", "ORDER": "2"},
                ]
            ),
        }
    )
    response = staff_client.post(f"/admin/snippets/matching/city/edit/{cahul.pk}/", data)
    assert response.status_code == 200
    assert "duplicate data for city and challenge" in response.content.decode()
    assert cahul.challenges.count() == 0


def test_a_records_times_read_the_same_in_its_listing_inspect_and_edit_views(staff_client):
    given = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)  # 10:30 in Stockholm, the admin's zone
    application = CityApplication.objects.create(
        city=CityFactory(),
        contact_name="Ana",
        contact_email="ana@example.org",
        consent_given_at=given,
        consent_version="2026-11",
        consent_language="en",
    )
    CityApplication.objects.filter(pk=application.pk).update(created_at=given)
    base = "/admin/snippets/matching/cityapplication"
    for view in ("", f"inspect/{application.pk}/", f"edit/{application.pk}/"):
        html = staff_client.get(f"{base}/{view}").content.decode()
        assert "10:30 a.m." in html and "9:30 a.m." not in html, view


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("matching_cohort_planner", "Cohort planner"),
        ("matching_learned_weights", "Learned weights"),
    ],
)
def test_each_staff_tool_names_itself_in_the_browser_tab(staff_client, url_name, title):
    response = staff_client.get(reverse(url_name))
    assert f"<title>{title} - " in response.text
