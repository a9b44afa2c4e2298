import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from matching.models import CityStatus
from matching.services import recompute_suggestions
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matched(home_page):
    cahul = CityFactory(
        name="Cahul",
        slug="md-cahul",
        country="MD",
        population=34_000,
        challenges={"brain-drain": 3},
        offers=["folk-traditions"],
        seeks=["libraries"],
    )
    harnosand = CityFactory(
        name="Härnösand",
        slug="se-harnosand",
        country="SE",
        population=25_000,
        challenges={"brain-drain": 2},
        offers=["libraries"],
        seeks=["folk-traditions"],
    )
    CityFactory(
        name="Vejle", slug="dk-vejle", country="DK", population=60_000, challenges={"tourism": 1}
    )
    CityFactory(name="Ungheni", slug="md-ungheni", country="MD", status=CityStatus.PENDING)
    recompute_suggestions()
    return cahul, harnosand


def test_city_list_holds_approved_profiles_only(client, matched):
    data = client.get("/api/v1/cities/").json()
    ids = [item["id"] for item in data["items"]]
    assert ids == ["dk-vejle", "md-cahul", "se-harnosand"]
    assert data["count"] == 3
    assert "md-ungheni" not in ids


@pytest.mark.parametrize("q", ["harnosand", "HÄRNÖSAND", "rnös"])
def test_city_list_search_ignores_accents_and_case(client, matched, q):
    ids = [item["id"] for item in client.get("/api/v1/cities/", {"q": q}).json()["items"]]
    assert ids == ["se-harnosand"]


def test_city_list_never_carries_contact_details(client, matched):
    body = client.get("/api/v1/cities/").content.decode()
    assert "email" not in body and "contact" not in body


def test_partners_are_ranked_and_explained_in_the_requested_language(client, matched):
    partners = client.get("/api/v1/cities/md-cahul/partners", {"top": 1, "lang": "en"}).json()
    assert len(partners) == 1
    best = partners[0]
    assert best["partner"]["id"] == "se-harnosand"
    assert 0 <= best["score"] <= 100
    assert any("Brain drain" in reason or "brain drain" in reason for reason in best["reasons"])


@pytest.mark.parametrize("code", ["MD", "md", "Md"])
def test_country_filter_accepts_any_case(client, matched, code):
    data = client.get("/api/v1/cities/", {"country": code}).json()
    assert [item["id"] for item in data["items"]] == ["md-cahul"]


def test_pending_and_unknown_cities_are_not_found(client, matched):
    assert client.get("/api/v1/cities/md-ungheni/partners").status_code == 404
    assert client.get("/api/v1/cities/nowhere/").status_code == 404


@pytest.mark.parametrize("query", [{"top": 0}, {"top": 51}, {"top": "many"}, {"lang": "xx"}])
def test_bad_parameters_get_a_clear_422(client, matched, query):
    response = client.get("/api/v1/cities/md-cahul/partners", query)
    assert response.status_code == 422
    assert response.json()["detail"]


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """Requests through the WSGI app must not close the test's database connection (as the test client does)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_honours_its_openapi_description(case, matched, keep_test_connection):
    case.call_and_validate()
