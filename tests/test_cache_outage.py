"""With the shared cache out of reach, every public page, form and API answers as usual, uncached.

The cache is the one a deploy builds from a Redis CACHE_URL (production settings, read in a
fresh interpreter), pointed at a closed port. What the rate limits and the login lockout do
meanwhile is decided in docs/decisions/cache-outage.md; these tests hold it.
"""

import io
import json
import os
import subprocess
import sys
import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError

from home.matching_pages import ensure_matching_pages
from matching.models import CityApplication, RegisterCityPage
from matching.reference_data import load_taxonomy
from matching.services import recompute_suggestions
from tests.cms.factories import StoryIndexPageFactory, StoryPageFactory
from tests.html_forms import city_registration, form_fields
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every call is refused
#: Two caches on one local-memory store, as two connections to one Redis server.
SHARED_STORE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage"}


def deployed_cache(url: str, **env: str) -> dict:
    """The default cache that production settings build from CACHE_URL=url."""
    code = "import json; from django.conf import settings; print(json.dumps(settings.CACHES['default']))"
    result = subprocess.run(  # noqa: S603 (a fixed command)
        [sys.executable, "-c", code],
        env=os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "x" * 50,
            "CACHE_URL": url,
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def unreachable_cache() -> dict:
    return deployed_cache(CLOSED_PORT)


@pytest.fixture
def cache_down(settings, unreachable_cache):
    """Switch the site's cache to Redis at a closed port, the page cache and API limit on."""
    settings.PAGE_CACHE = True
    settings.API_RATE_LIMIT = "120/m"

    def down() -> None:
        settings.CACHES = settings.CACHES | {"default": unreachable_cache}

    def back() -> None:
        settings.CACHES = settings.CACHES | {"default": SHARED_STORE}

    back()
    caches["default"].clear()
    yield down, back
    back()
    caches["default"].clear()


@pytest.fixture
def site(home_page):
    """A story, the matching pages and two cities with a suggestion between them."""
    list(load_taxonomy())
    ensure_matching_pages(home_page)
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home_page), title="Evening library"
    )
    CityFactory(
        name="Härnösand",
        slug="se-harnosand",
        country="SE",
        population=25_000,
        challenges={"brain-drain": 2},
        offers=["libraries"],
    )
    CityFactory(
        name="Cahul",
        slug="md-cahul",
        country="MD",
        population=34_000,
        challenges={"brain-drain": 3},
        seeks=["libraries"],
    )
    recompute_suggestions()
    return story


def read_twice(client, url: str, **headers) -> str:
    """The page's text, read twice: both answered 200, neither from the cache."""
    first, second = client.get(url, **headers), client.get(url, **headers)
    for response in (first, second):
        assert response.status_code == 200, url
        assert response.get("X-Page-Cache") != "hit", url
    assert first.content == second.content or "csrfmiddlewaretoken" in first.content.decode()
    return second.content.decode()


def test_pages_the_finder_and_the_apis_answer_as_usual(client, site, cache_down):
    down, _back = cache_down
    down()
    assert "Evening library" in read_twice(client, site.url)
    assert 'lang="uk"' in read_twice(client, "/uk/")
    assert "Härnösand" in read_twice(client, "/en/partner-finder/?city=md-cahul")
    assert "Cahul" in read_twice(client, "/en/cities/md-cahul/")
    assert 'name="csrfmiddlewaretoken"' in read_twice(client, "/en/register/")
    cities = json.loads(read_twice(client, "/api/v1/cities/"))
    assert {"Cahul", "Härnösand"} <= {c["name"] for c in cities["items"]}
    pages = json.loads(read_twice(client, "/api/v2/pages/"))
    assert "Evening library" in {p["title"] for p in pages["items"]}


def test_a_registration_is_stored_once_however_often_it_is_sent(client, site, cache_down):
    down, _back = cache_down
    down()
    page = client.get("/en/register/").content.decode()
    data = city_registration("", "Outagetown")
    data["submission"] = form_fields(page, "form.register-form")["submission"][0]
    answers = [client.post("/en/register/", data) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert "sent=1" in answers[1]["Location"]
    assert CityApplication.objects.filter(city__name="Outagetown").count() == 1


def test_form_and_api_limits_let_every_request_through_while_nothing_can_count(
    client, site, cache_down, settings
):
    down, _back = cache_down
    down()
    settings.API_RATE_LIMIT = "3/m"
    codes = {
        client.get("/api/v1/cities/", REMOTE_ADDR="198.51.100.50").status_code for _ in range(6)
    }
    assert codes == {200}
    # Past the 10 an hour the form allows one address: counted nowhere, so none is refused.
    for n in range(12):
        data = city_registration("", f"Outage town {n}") | {"submission": str(uuid.uuid4())}
        assert client.post("/en/register/", data, REMOTE_ADDR="198.51.100.51").status_code == 302
    assert CityApplication.objects.filter(city__name__startswith="Outage town").count() == 12


def test_the_admin_login_lockout_still_holds_and_editors_can_publish(
    client, site, cache_down, settings, django_user_model
):
    down, _back = cache_down
    down()
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right password")

    def login(password: str, address: str):
        return client.post(
            "/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=address
        )

    limit = settings.AXES_FAILURE_LIMIT
    codes = [login("wrong", "198.51.100.60").status_code for _ in range(limit)]
    assert codes == [200] * (limit - 1) + [429]
    assert login("right password", "198.51.100.60").status_code == 429  # still locked out
    assert login("right password", "198.51.100.61").status_code == 302  # the editor elsewhere

    register = RegisterCityPage.objects.get()
    edit_url = f"/admin/pages/{register.pk}/edit/"
    fields = form_fields(client.get(edit_url).content.decode(), "form#page-edit-form")
    fields["title"] = ["Put your town on the map"]
    fields["action-publish"] = ["action-publish"]
    assert client.post(edit_url, fields).status_code == 302
    client.logout()
    assert "Put your town on the map" in read_twice(client, "/en/register/")


def test_pages_stored_before_an_outage_are_not_served_after_a_change_made_during_it(
    client, site, cache_down
):
    """Redis kept its data (a network cut): the bump the change made was lost with it."""
    down, back = cache_down
    assert "Evening library" in client.get(site.url).content.decode()
    assert client.get(site.url)["X-Page-Cache"] == "hit"
    down()
    site.title = "Night library"
    site.save_revision().publish()
    back()
    html = client.get(site.url).content.decode()
    assert "Night library" in html and "Evening library" not in html
    assert client.get(site.url)["X-Page-Cache"] == "hit"  # and the cache works again


def test_after_redis_restarts_empty_no_earlier_page_comes_back(client, site, cache_down):
    down, back = cache_down
    client.get(site.url)
    down()
    site.title = "Night library"
    site.save_revision().publish()
    back()
    caches["default"].clear()  # what a restart without persistence leaves
    assert "Night library" in client.get(site.url).content.decode()
    assert client.get(site.url)["X-Page-Cache"] == "hit"


def test_emptying_the_page_cache_says_so_when_the_cache_is_out_of_reach(cache_down):
    down, _back = cache_down
    out = io.StringIO()
    call_command("clear_page_cache", stdout=out)
    assert "Page cache emptied." in out.getvalue()

    down()
    with pytest.raises(CommandError, match="out of reach: nothing was emptied"):
        call_command("clear_page_cache", stdout=out)
