"""Fixtures of the editorial tests: the indexes under the home page, and hidden pages."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from matching.models import RegisterCityPage
from tests.cms.factories import EventIndexPageFactory, LabIndexPageFactory, StoryIndexPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached taxonomy labels and site roots must not outlive the rows a test rolled back."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def lab_index(home_page):
    return LabIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def register_page(home_page):
    """A published page two editors can open at once."""
    page = home_page.add_child(instance=RegisterCityPage(title="Register", slug="register"))
    page.save_revision().publish()
    return page


@pytest.fixture
def editors(django_user_model):
    """Two logged-in editors, Ana and Bogdan, each in a browser of their own."""
    first, second = Client(), Client()
    for name, browser in (("ana", first), ("bogdan", second)):
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        browser.force_login(user)
    return first, second


@pytest.fixture
def commit_each_translation(monkeypatch):
    """Run on-commit callbacks at once, as `manage.py` does outside a transaction.

    wagtail-localize publishes each translation on commit. A test runs inside one
    transaction, and deferring every publish to its end would publish stale copies of
    parent pages (their tree counters from before their children were translated).
    """
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def make_hidden(page, how: str):
    """Make a published page invisible to the public in one of the three ways editors can."""
    if how == "draft":
        page.unpublish()
    elif how == "scheduled":
        page.unpublish()
        page.go_live_at = timezone.now() + dt.timedelta(days=7)
        page.save_revision().publish()
    elif how == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.refresh_from_db()
    return page


HIDDEN = ["draft", "scheduled", "private"]
