"""Fragments of pages kept in the shared cache: reused, retired by a change, never one visitor's.

The page cache is off here (the test settings' default), so every view below is rendered:
what it reuses comes from the `{% cache %}` fragments of `templates/base.html`.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.factories import StandardPageFactory, StoryPageFactory
from tests.html_forms import assert_forms_are_each_visitors_own

pytestmark = pytest.mark.django_db

STORY = r"Story number \d\d"


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_second_view_reuses_the_content_and_a_change_shows_at_once(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Evening library")
    first = queries_of(client, story.url)
    assert queries_of(client, story.url) < first  # the content came from the cache
    story.title = "Night library"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Night library" in html and "Evening library" not in html


def test_listing_filters_and_pages_each_have_their_own_content(client, story_index):
    for n in range(14):  # two pages of cards
        StoryPageFactory(parent=story_index, title=f"Story number {n:02}")
    first = set(re.findall(STORY, client.get(story_index.url).content.decode()))
    second = set(re.findall(STORY, client.get(story_index.url, {"page": 2}).content.decode()))
    assert len(first) == 12 and len(second) == 2
    assert first | second == {f"Story number {n:02}" for n in range(14)}


def test_a_preview_shows_the_draft_and_leaves_visitors_the_live_page(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Evening library")
    assert "Evening library" in client.get(story.url).content.decode()  # content now cached
    story.title = "Draft title"  # an editor's unsaved change, as the preview panel sends it
    assert "Draft title" in story.make_preview_request().content.decode()
    html = client.get(story.url).content.decode()
    assert "Evening library" in html and "Draft title" not in html


def test_every_visitor_gets_a_form_with_their_own_token(home_page):
    url = StandardPageFactory(parent=home_page, slug="contact", page_form="contact").url
    assert_forms_are_each_visitors_own(url)
