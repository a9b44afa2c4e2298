"""A draft, a scheduled or a private page never shows in a listing, search, feed or the sitemap."""

import feedparser
import pytest

from tests.cms.conftest import HIDDEN, make_hidden
from tests.cms.factories import (
    EventPageFactory,
    LabConclusionsPageFactory,
    LabPageFactory,
    StoryPageFactory,
)
from tests.html_pages import texts

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar"


@pytest.fixture
def pages(story_index, lab_index, event_index):
    """One published and one hidden page of each kind that is listed anywhere."""
    lab = LabPageFactory(parent=lab_index, title="Visible lab")
    return {
        "story": StoryPageFactory(parent=story_index, title=f"Hidden story {SECRET}"),
        "lab": LabPageFactory(parent=lab_index, title=f"Hidden lab {SECRET}"),
        "conclusions": LabConclusionsPageFactory(parent=lab, title=f"Hidden conclusions {SECRET}"),
        "event": EventPageFactory(parent=event_index, title=f"Hidden event {SECRET}"),
        "visible": StoryPageFactory(parent=story_index, title="Visible story"),
    }


@pytest.fixture(params=HIDDEN)
def hidden(request, pages):
    for key in ("story", "lab", "conclusions", "event"):
        make_hidden(pages[key], request.param)
    return request.param


def test_a_hidden_page_is_really_not_live_or_public(pages, hidden):
    story = pages["story"]
    if hidden == "private":
        assert story.live and story.get_view_restrictions().exists()
    else:
        assert not story.live
    if hidden == "scheduled":
        assert story.go_live_at is not None


@pytest.mark.usefixtures("hidden")
@pytest.mark.parametrize("url", ["/en/stories/", "/en/learning-labs/", "/en/events/", "/en/"])
def test_not_in_listings(client, url):
    html = client.get(url).content.decode()
    assert SECRET not in html


@pytest.mark.usefixtures("hidden")
def test_not_in_search(client):
    response = client.get(f"/en/search/?q={SECRET}")
    assert response.status_code == 200
    assert texts(response, ".results-count") == [f"0 results for “{SECRET}”"]
    assert f"Hidden story {SECRET}" not in response.content.decode()
    visible = client.get("/en/search/?q=visible+story")
    assert texts(visible, ".search-result h3") == ["Visible story"]


@pytest.mark.usefixtures("hidden")
@pytest.mark.parametrize("feed", ["stories", "conclusions", "events"])
def test_not_in_feeds(client, feed):
    for url in (f"/en/feeds/{feed}/", f"/en/feeds/{feed}/atom/"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo
        assert all(SECRET not in entry.title for entry in parsed.entries)


@pytest.mark.usefixtures("hidden")
def test_not_in_the_sitemap_or_calendar(client, pages):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert pages["visible"].full_url in sitemap
    for key in ("story", "lab", "conclusions", "event"):
        assert pages[key].full_url not in sitemap
    assert SECRET not in client.get("/en/calendar/upcoming.ics").content.decode()
