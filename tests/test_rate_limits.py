"""Rate and size limits on public forms, the APIs and the admin login, keyed by the real client."""

import os
import uuid

import environ
import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory
from django.utils import translation

from contacts.form_limits import count_submission, rate_limited
from matching.models import CityApplication

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
# Keys carry a fresh prefix and expire with their window, so the database is never emptied.
REDIS_URL = os.environ.get("RESCOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def api_get(client, address: str, forwarded: str | None = None, url: str = "/api/v1/cities/"):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.get(url, **extra)


def test_api_answers_429_past_its_rate_per_address(client, home_page, settings):
    settings.API_RATE_LIMIT = "5/m"
    assert [api_get(client, "198.51.100.1").status_code for _ in range(5)] == [200] * 5
    refused = api_get(client, "198.51.100.1")
    assert refused.status_code == 429
    assert refused.json()["detail"]
    assert api_get(client, "198.51.100.2").status_code == 200  # another visitor is not affected


def test_the_page_api_has_the_same_limit_and_answer(client, home_page, settings):
    settings.API_RATE_LIMIT = "3/m"
    address = {"REMOTE_ADDR": "198.51.100.3"}
    codes = [client.get("/api/v2/pages/", **address).status_code for _ in range(3)]
    assert codes == [200] * 3
    refused = client.get("/api/v2/pages/", **address)
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Too many requests from this address; try again later."}
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert client.get("/api/v1/cities/", **address).json() == refused.json()


def test_both_apis_draw_on_one_allowance_per_address(client, home_page, settings):
    settings.API_RATE_LIMIT = "4/m"
    urls = ["/api/v1/cities/", "/api/v2/pages/", "/api/v2/images/", "/api/v1/cities/"]
    assert [api_get(client, "198.51.100.4", url=u).status_code for u in urls] == [200] * 4
    assert api_get(client, "198.51.100.4", url="/api/v2/documents/").status_code == 429
    assert api_get(client, "198.51.100.4", url="/api/v1/cities/").status_code == 429


def test_a_429_is_in_the_clients_language(client, home_page, settings):
    settings.API_RATE_LIMIT = "1/m"
    api_get(client, "198.51.100.5")
    refused = client.get("/api/v2/pages/", REMOTE_ADDR="198.51.100.5", HTTP_ACCEPT_LANGUAGE="uk")
    with translation.override("uk"):
        detail = translation.gettext("Too many requests from this address; try again later.")
    assert detail != "Too many requests from this address; try again later."
    assert refused.status_code == 429 and refused.json() == {"detail": detail}


def test_answers_from_the_page_cache_count_too(client, home_page, settings):
    settings.API_RATE_LIMIT = "3/m"
    settings.PAGE_CACHE = True
    answers = [api_get(client, "198.51.100.6") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[2]["X-Page-Cache"] == "hit"


def test_an_empty_setting_turns_the_limit_off_for_both_apis(client, home_page, settings):
    settings.API_RATE_LIMIT = ""
    for url in ("/api/v1/cities/", "/api/v2/pages/"):
        codes = {api_get(client, "198.51.100.7", url=url).status_code for _ in range(150)}
        assert codes == {200}, url


def test_behind_a_proxy_the_limit_follows_the_client_not_the_proxy(client, home_page, settings):
    settings.API_RATE_LIMIT = "3/m"
    settings.TRUSTED_PROXY_COUNT = 1
    # The client rotates a forged first entry; the proxy appends the address it really saw.
    codes = [api_get(client, PROXY, f"192.0.2.{n}, 203.0.113.7").status_code for n in range(1, 5)]
    assert codes == [200, 200, 200, 429]
    assert api_get(client, PROXY, "203.0.113.8").status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_for_is_ignored(client, home_page, settings):
    settings.API_RATE_LIMIT = "2/m"
    codes = [api_get(client, "198.51.100.9", f"192.0.2.{n}").status_code for n in range(3)]
    assert codes == [200, 200, 429]


def test_admin_lockout_is_keyed_by_the_client_behind_a_proxy(
    client, home_page, settings, django_user_model
):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right password")

    def login(password: str, forwarded: str):
        return client.post(
            "/admin/login/",
            {"username": "editor", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for n in range(settings.AXES_FAILURE_LIMIT):
        login("wrong", f"192.0.2.{n}, 203.0.113.7")
    assert login("right password", "192.0.2.99, 203.0.113.7").status_code == 429
    # The editor at another address, behind the same proxy, is not locked out by the attacker.
    assert login("right password", "198.51.100.20").status_code == 302


def test_a_body_over_the_size_limit_gets_a_clear_400(client, home_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    from home.matching_pages import ensure_matching_pages

    ensure_matching_pages(home_page)
    response = client.post("/uk/register/", {"description": "x" * 20_000})
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("uk"):
        heading = translation.gettext("The request could not be read")
    assert heading != "The request could not be read"
    assert '<html lang="uk">' in html and heading in html
    assert not CityApplication.objects.exists()


def test_a_flood_of_invalid_form_posts_is_refused(client, home_page, monkeypatch):
    from home.matching_pages import ensure_matching_pages

    ensure_matching_pages(home_page)
    monkeypatch.setattr("contacts.form_limits.FLOOD_RATE", "5/h")

    def post(address: str) -> int:
        return client.post("/en/register/", {"description": "x"}, REMOTE_ADDR=address).status_code

    assert [post("198.51.100.40") for _ in range(6)] == [200] * 5 + [429]
    assert post("198.51.100.41") == 200  # another visitor is not affected


@pytest.mark.redis
def test_two_app_instances_share_one_counter_in_redis(settings):
    """Two cache clients, as two workers would have, built from a production CACHE_URL."""
    two_workers_caches(settings)
    request = RequestFactory().post("/en/register/", REMOTE_ADDR="198.51.100.30")

    def store(worker: str) -> bool:
        """Post a valid form through `worker`; False when it was refused."""
        settings.RATELIMIT_USE_CACHE = worker
        if rate_limited(request, "registration"):
            return False
        count_submission(request, "registration")
        return True

    workers = ["worker_a", "worker_b"] * 5
    assert [store(w) for w in workers] == [True] * 10
    assert not store("worker_a") and not store("worker_b")


@pytest.mark.redis
def test_two_app_instances_share_one_api_counter_in_redis(client, home_page, settings):
    """Requests to both APIs, each answered by one of two workers: one allowance between them."""
    two_workers_caches(settings)
    settings.API_RATE_LIMIT = "4/m"

    def status(worker: str, url: str) -> int:
        settings.RATELIMIT_USE_CACHE = worker
        return api_get(client, "198.51.100.31", url=url).status_code

    calls = [("worker_a", "/api/v1/cities/"), ("worker_b", "/api/v2/pages/")] * 2
    assert [status(w, u) for w, u in calls] == [200] * 4
    assert status("worker_a", "/api/v2/pages/") == 429
    assert status("worker_b", "/api/v1/cities/") == 429


def two_workers_caches(settings) -> None:
    """Two cache clients on one Redis database, as two app workers built from CACHE_URL have."""
    prefix = f"rate-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "worker_a": environ.Env.cache_url_config(REDIS_URL) | {"KEY_PREFIX": prefix},
        "worker_b": environ.Env.cache_url_config(REDIS_URL) | {"KEY_PREFIX": prefix},
        "uncached": settings.CACHES["uncached"],
    }
    assert caches["worker_a"] is not caches["worker_b"]
