"""Security settings a visitor or an attacker would notice."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_public_pages_carry_a_strict_content_security_policy(client, home_page):
    policy = client.get("/en/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_passwords_are_hashed_with_argon2_outside_tests():
    from cms.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_admin_login_locks_out_after_repeated_failures(client, home_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "editor", "password": "right password"})
    assert locked.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_the_admin_sends_no_editors_address_to_an_avatar_service(
    client, home_page, django_user_model
):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    for address in ("/admin/", f"/admin/pages/{home_page.pk}/edit/", "/admin/account/"):
        html = client.get(address).content.decode()
        assert "gravatar" not in html.lower(), address
        assert "default-user-avatar" in html, address  # Wagtail's own picture instead


def test_unknown_host_gets_400(client, home_page):
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
        "CACHE_URL": "redis://127.0.0.1:6379/0",
        "ALLOWED_HOSTS": "rescom.example.org",
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' fixtures only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Every public template with a POST form, and the test that proves it enforces CSRF.
PUBLIC_POST_FORMS = {
    "matching/register_city_page.html": "tests/matching/test_pages.py",
    "matching/introduction_form.html": "tests/matching/test_pages.py",
    "contacts/withdraw_consent.html": "tests/contacts/test_consent.py",
    "cms/standard/standard_page.html": "tests/cms/standard/test_accessibility_feedback.py and test_contact_form.py",
}


def test_every_public_post_form_is_known_and_carries_a_csrf_token():
    found = {}
    folder = settings.BASE_DIR / "templates"
    for path in folder.rglob("*.html"):
        name = path.relative_to(folder).as_posix()
        html = path.read_text()
        if "/admin/" not in f"/{name}" and re.search(r'method="post"', html, re.I):
            found[name] = "{% csrf_token %}" in html
    unknown = set(found) - set(PUBLIC_POST_FORMS)
    assert not unknown, f"new public forms {unknown}: add a CSRF test and list it above"
    assert all(found.values())


def csrf_token_of(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_password_protected_page_form_enforces_csrf(home_page):
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="pearl"
    )
    url = f"/en/_util/authenticate_with_password/{restriction.pk}/{home_page.pk}/"
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(url, {"password": "pearl", "return_url": "/en/"})
    assert refused.status_code == 403
    assert "The form could not be sent" in refused.content.decode()
    token = csrf_token_of(strict, "/en/")
    accepted = strict.post(
        url, {"password": "pearl", "return_url": "/en/", "csrfmiddlewaretoken": token}
    )
    assert accepted.status_code == 302
    assert strict.get("/en/").status_code == 200


def test_admin_login_enforces_csrf(home_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right password")
    strict = Client(enforce_csrf_checks=True)
    credentials = {"username": "editor", "password": "right password"}
    assert strict.post("/admin/login/", credentials).status_code == 403
    token = csrf_token_of(strict, "/admin/login/")
    response = strict.post("/admin/login/", credentials | {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_public_pages_send_frame_referrer_sniffing_and_feature_policies(client, home_page):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
]


def production_values(names: list[str]) -> dict:
    """The values production settings give, read in a fresh interpreter (they refuse tests' env)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
        "CACHE_URL": "redis://127.0.0.1:6379/5",
    }
    env.pop("DEBUG", None)
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 (the code is built here from constants)
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return json.loads(result.stdout)


def test_production_serves_https_only_with_secure_samesite_cookies(client, settings, home_page):
    values = production_values(HTTPS_SETTINGS)
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    for name, value in values.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    from home.matching_pages import ensure_matching_pages

    ensure_matching_pages(home_page)

    plain = client.get("/en/register/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")

    secure = client.get("/en/register/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    cookie = secure.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] and cookie["samesite"] == "Lax"
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
