"""Each language renders the main page types with its own interface strings."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from cms.editorial.translations import translate_instance
from home.matching_pages import ensure_matching_pages
from tests.cms.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

SKIP_LINK = {
    "en": "Skip to main content",
    "uk": "Перейти до основного вмісту",
    "ro": "Salt la conținutul principal",
}


@pytest.fixture
def site_in_three_languages(home_page, monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    stories = StoryIndexPageFactory(parent=home_page, slug="stories")
    events = EventIndexPageFactory(parent=home_page, slug="events")
    pages = [
        home_page,
        stories,
        events,
        StoryPageFactory(parent=stories, slug="a-story"),
        EventPageFactory(parent=events, slug="an-event"),
        *(page for page, _strings in ensure_matching_pages(home_page)),
    ]
    for code in ("uk", "ro"):
        for page in pages:
            translate_instance(page.specific, Locale.objects.get(language_code=code), {})
    return pages


@pytest.mark.parametrize("code", ["en", "uk", "ro"])
@pytest.mark.parametrize("path", ["", "stories/a-story/", "events/an-event/", "partner-finder/"])
def test_pages_speak_the_visitors_language(client, site_in_three_languages, code, path):
    response = client.get(f"/{code}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    with translation.override(code):
        skip_link, search = gettext("Skip to main content"), gettext("Search")
    assert (skip_link == "Skip to main content") == (code == "en")
    assert skip_link in html and f">{search}<" in html


DATES = {"en": "14 May 2031, 15:00", "uk": "14 травня 2031, 15:00", "ro": "14 mai 2031, 15:00"}
POPULATIONS = {"en": "25,000", "uk": "25\xa0000", "ro": "25.000"}


@pytest.mark.parametrize("code", ["en", "uk", "ro"])
def test_dates_and_numbers_follow_the_visitors_language(client, site_in_three_languages, code):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from django.utils.html import strip_tags

    from cms.models import EventPage
    from tests.matching.factories import CityFactory

    start = dt.datetime(2031, 5, 14, 15, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
    EventPage.objects.filter(slug="an-event").update(
        start=start, end=start + dt.timedelta(hours=2), time_zone="Europe/Kyiv"
    )
    CityFactory(name="Härnösand", slug="se-harnosand", country="SE", population=25_000)

    event = strip_tags(client.get(f"/{code}/events/an-event/").content.decode())
    city = strip_tags(client.get(f"/{code}/cities/se-harnosand/").content.decode())

    assert DATES[code] in event
    assert POPULATIONS[code] in city
    for other in {"en", "uk", "ro"} - {code}:
        assert DATES[other] not in event
        assert POPULATIONS[other] not in city
