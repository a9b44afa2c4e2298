"""Security settings a visitor or an attacker would notice."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

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
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr
