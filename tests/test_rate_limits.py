"""Rate and size limits on public forms, the API and the admin login, keyed by the real client."""

import uuid

import environ
import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory
from django.utils import translation
from django_ratelimit.core import is_ratelimited

from matching.models import CityApplication

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def api_get(client, address: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.get("/api/v1/cities/", **extra)


def test_api_answers_429_past_its_rate_per_address(client, home_page, settings):
    settings.API_RATE_LIMIT = "5/m"
    assert [api_get(client, "198.51.100.1").status_code for _ in range(5)] == [200] * 5
    refused = api_get(client, "198.51.100.1")
    assert refused.status_code == 429
    assert refused.json()["detail"]
    assert api_get(client, "198.51.100.2").status_code == 200  # another visitor is not affected


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


@pytest.mark.redis
def test_two_app_instances_share_one_counter_in_redis(settings):
    """Two cache clients, as two workers would have, built from a production CACHE_URL."""
    url = "redis://127.0.0.1:6379/5"
    prefix = f"rate-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "worker_a": environ.Env.cache_url_config(url) | {"KEY_PREFIX": prefix},
        "worker_b": environ.Env.cache_url_config(url) | {"KEY_PREFIX": prefix},
    }
    assert caches["worker_a"] is not caches["worker_b"]
    request = RequestFactory().post("/en/register/", REMOTE_ADDR="198.51.100.30")

    def limited(worker: str) -> bool:
        settings.RATELIMIT_USE_CACHE = worker
        return is_ratelimited(
            request, group="registration", key="ip", rate="4/h", method="POST", increment=True
        )

    try:
        assert [limited(w) for w in ("worker_a", "worker_b", "worker_a", "worker_b")] == [False] * 4
        assert limited("worker_a") and limited("worker_b")
    finally:
        caches["worker_a"].clear()
