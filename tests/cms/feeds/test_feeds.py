import datetime as dt

import feedparser
import pytest
from django.utils import timezone

from tests.cms.factories import (
    EventPageFactory,
    LabConclusionsPageFactory,
    LabPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_story_feed_lists_stories_with_links_and_categories(client, story_index, suffix):
    story = StoryPageFactory(
        parent=story_index, title="The library as a living room", challenges=["ageing"]
    )

    feed = parse(client, f"/en/feeds/stories/{suffix}")

    assert feed.version == ("atom10" if suffix else "rss20")
    assert feed.feed.title == "RESCOM good-practice stories"
    assert feed.feed.link.endswith(story_index.url)
    [entry] = feed.entries
    assert entry.title == "The library as a living room"
    assert entry.link == story.full_url
    assert entry.summary == story.summary
    assert [t.term for t in entry.tags] == ["Ageing"]


def test_conclusions_feed(client, lab_index):
    lab = LabPageFactory(parent=lab_index)
    LabConclusionsPageFactory(parent=lab, title="What the lab concluded")
    feed = parse(client, "/en/feeds/conclusions/")
    assert [e.title for e in feed.entries] == ["What the lab concluded"]


def test_event_feed_holds_upcoming_events_with_their_time(client, event_index):
    EventPageFactory(parent=event_index, title="Coming webinar")
    EventPageFactory(
        parent=event_index, title="Past webinar", start=timezone.now() - dt.timedelta(days=3)
    )
    feed = parse(client, "/en/feeds/events/atom/")
    [entry] = feed.entries
    assert entry.title == "Coming webinar"
    assert "(Europe/Kyiv)" in entry.summary


def test_feeds_are_in_the_visitors_language(client, story_index):
    StoryPageFactory(parent=story_index, title="English story")
    feed = parse(client, "/uk/feeds/stories/")
    assert feed.feed.language == "uk"
    assert feed.entries == []  # no Ukrainian stories yet; English ones are not mixed in
