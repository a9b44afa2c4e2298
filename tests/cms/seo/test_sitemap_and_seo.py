import json
import re

import pytest
from django.utils.html import escape

from tests.cms.factories import EventPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_sitemap_lists_published_pages_of_every_language(
    client, story_index, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from cms.editorial.translations import translate_instance

    story = StoryPageFactory(parent=story_index, title="Living room")
    uk = Locale.objects.get(language_code="uk")
    for instance in (story_index.get_parent().specific, story_index, story):
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(instance, uk, {})

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    assert story.full_url in body
    assert story.get_translation(uk).full_url in body
    assert "/uk/stories/" in body


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_story_has_canonical_opengraph_and_article_data(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Living room", summary="A library opened.")
    html = client.get(story.url).content.decode()

    assert f'<link rel="canonical" href="{story.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Living room">' in html
    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "Living room"
    assert data["url"] == story.full_url
    assert data["contentLocation"]["address"]["addressCountry"] == "SE"


def test_event_has_event_data(client, event_index):
    event = EventPageFactory(
        parent=event_index, attendance="hybrid", venue="Public Library", title="Forum"
    )
    data = json_ld(client.get(event.url).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == "Forum"
    assert data["startDate"] == event.local_start.isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_json_ld_cannot_break_out_of_its_script(client, story_index):
    title = "</script><script>alert(1)</script> & more"
    story = StoryPageFactory(parent=story_index, title=title)
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == title
    assert escape(title) in html
