"""A live server of the demo site and a headless Debian Chromium driven by Playwright.

The demo site (reference data and demo content) is built once for the whole package and
committed, so pytest-django's `live_server` thread sees it. pytest-django would make every
live-server test transactional, flushing the database after each one (and the demo site with
it), so `_live_server_helper` is replaced below. When the package ends, the database is put
back as the migrations left it (Django's serialized rollback), so later modules start clean.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.test import override_settings
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an asyncio event loop in this thread; Django would then refuse
# ORM calls made by fixtures here (SynchronousOnlyOperation) though none of them is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("RESCOM_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps calling home, and a closed network
# refuses those connections many at a time.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PORTS = range(8300, 8400)
# A shared 2-core CI machine can be slow: wait up to 15 s for what a test expects to appear.
expect.set_options(timeout=15_000)
PASSWORD = "browser-journeys-2026"
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts"


def make_users() -> dict:
    """An administrator, an editor and a moderator, in the groups `load_reference_data` made."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.editorial.roles import EDITORS, MODERATORS

    user_model = get_user_model()
    users = {"admin": user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)}
    for name, group in (("editor", EDITORS), ("moderator", MODERATORS)):
        user = user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[name] = user
    return users


def restore_migrated_state(snapshots: dict[str, str]) -> None:
    """What TransactionTestCase does with serialized_rollback: flush, then reload the snapshot.

    As there, sequences are not reset: the snapshot's rows keep their ids, and a reset
    sequence would hand those ids out again (a duplicate key on PostgreSQL).
    """
    for alias, snapshot in snapshots.items():
        call_command(
            "flush",
            database=alias,
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        connections[alias].creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="package")
def demo_site(django_db_setup, live_server, django_db_blocker, tmp_path_factory) -> Iterator[dict]:
    """The demo site, committed once for the package and served by the live server."""
    from home.demo_content import load_demo_content
    from home.reference_data import load_reference_data

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        snapshots = {
            alias: connections[alias].creation.serialize_db_to_string() for alias in connections
        }
        try:
            # One transaction is much faster than a commit per row; on-commit work (publishing
            # translations, recomputing suggestions) runs at once, as outside a transaction.
            with pytest.MonkeyPatch.context() as patch, transaction.atomic():
                patch.setattr(
                    transaction, "on_commit", lambda func, using=None, robust=False: func()
                )
                load_reference_data()
                load_demo_content()
            yield {"url": live_server.url, "users": make_users()}
        finally:
            restore_migrated_state(snapshots)
            cache.clear()


@pytest.fixture(scope="package")
def live_server() -> Iterator[LiveServer]:
    """pytest-django's live server, on the first port of 8300-8399 free when it starts.

    It stops with the package, so none of its connections outlive the demo site.
    """
    for port in PORTS:
        try:
            server = LiveServer(f"127.0.0.1:{port}")
        except OSError:  # taken, perhaps by another test run on this machine
            continue
        yield server
        server.stop()
        return
    pytest.fail(f"No free port in {PORTS.start}-{PORTS.stop - 1} for the live server.")


@pytest.fixture(autouse=True)
def _live_server_helper(request) -> Iterator[None]:
    """pytest-django's helper without its transactional_db (a flush after every test)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("live_server")
    server._live_server_modified_settings.enable()
    yield
    server._live_server_modified_settings.disable()


@pytest.fixture
def site(demo_site, django_db_blocker) -> Iterator[dict]:
    """The live demo site; a test may read the database, and starts with rate limits reset."""
    cache.clear()
    with django_db_blocker.unblock():
        yield demo_site


@pytest.fixture(scope="package")
def browser(live_server) -> Iterator[Browser]:
    """Chromium, closed before the live server stops so that no request is left half-served."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `make chromium` "
            "(apt-get install chromium) or set RESCOM_CHROMIUM. The browser tests never skip."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, site) -> Iterator[Page]:
    """A fresh browser tab at desktop width with its own cookies, pointed at the live site."""
    context = browser.new_context(
        base_url=site["url"], viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()
