"""Shared fixtures, and the guard that marked suites really ran where CI expects them."""

import os

import pytest
from django.db import connection

from home.site_setup import ensure_home_page

REQUIRED = [m for m in os.environ.get("RESCOM_REQUIRE_MARKERS", "").split(",") if m]
_outcomes: dict[str, dict[str, int]] = {
    m: {"passed": 0, "skipped": 0, "failed": 0} for m in REQUIRED
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with no connection left on it when it is dropped.

    A server or thread a suite started may still hold a connection at the end; PostgreSQL
    then refuses to drop the database, and a test database stays behind on the server.
    """
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def home_page(db):
    """The site as `load_reference_data` sets it up: locales, the English home page, the Site."""
    return ensure_home_page()


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """A test marked `postgres` fails, never skips, when the database is not PostgreSQL."""
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.fail("This test needs PostgreSQL: set DATABASE_URL to a postgres:// URL.")


def pytest_sessionstart(session):
    """The interface's .mo files are build products: make them fresh before any test reads them."""
    from cms.locales import compile_translations

    compile_translations()


def pytest_runtest_logreport(report):
    for marker in REQUIRED:
        if marker in report.keywords and (report.when == "call" or report.outcome != "passed"):
            _outcomes[marker][report.outcome] += 1


def pytest_sessionfinish(session, exitstatus):
    """With RESCOM_REQUIRE_MARKERS=a,b: fail unless each marked suite ran, passed and skipped nothing."""
    problems = [
        f"{m}: {c['passed']} passed, {c['skipped']} skipped"
        for m, c in _outcomes.items()
        if c["passed"] == 0 or c["skipped"]
    ]
    if problems:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "Marked suites that did not really run: " + "; ".join(problems), red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def live_cluster():
    """A PostgreSQL cluster of the slow suites' own (never the machine's shared server)."""
    from tests.live_servers import ThrowawayCluster

    with ThrowawayCluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def live_database(live_cluster) -> str:
    """A migrated database in it with reference data, demo content and an admin account."""
    from tests.live_servers import prepare_site

    url = live_cluster.create_database("rescom_live")
    prepare_site(url)
    return url


@pytest.fixture(scope="session")
def live_instances(live_database):
    """Two gunicorn instances on that database and the shared Redis cache, as in a deploy.

    The per-address form limit is off: every load-test visitor comes from 127.0.0.1.
    """
    from tests.live_servers import app_instances, flush_shared_cache

    flush_shared_cache()
    with app_instances(live_database, RATELIMIT_ENABLE="false") as instances:
        yield instances
