import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

PRODUCTION = "cms.settings.production"


def load_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter, as a deploy would at start."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "CACHE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_site_speaks_three_languages_with_english_first():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "uk", "ro"]
    assert settings.LANGUAGE_CODE == "en"


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(PRODUCTION, CACHE_URL="redis://127.0.0.1:6379/0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = load_settings(
        PRODUCTION, SECRET_KEY="x" * 50, DEBUG="true", CACHE_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_starts_when_configured():
    result = load_settings(PRODUCTION, SECRET_KEY="x" * 50, CACHE_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_pass_really_runs_on_postgres():
    assert os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("select version()")
        assert "PostgreSQL" in cursor.fetchone()[0]
