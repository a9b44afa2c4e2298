"""Wagtail's page API (v2) for headless readers: a page found by the address a visitor sees."""

import pytest
from wagtail.models import Locale

from cms.editorial.translations import translate_instance
from tests.cms.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def find(client, html_path: str):
    return client.get("/api/v2/pages/find/", {"html_path": html_path})


def test_a_page_is_found_by_its_address_in_every_language(
    client, home_page, django_capture_on_commit_callbacks
):
    stories = StoryIndexPageFactory(parent=home_page, slug="stories")
    story = StoryPageFactory(parent=stories, slug="library-living-room")
    ukrainian = Locale.objects.get(language_code="uk")
    for page in (home_page, stories, story):
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(page, ukrainian, {})
    uk_story = story.get_translation(ukrainian)

    for path, page in [
        ("/en/stories/library-living-room/", story),
        ("/uk/stories/library-living-room/", uk_story),
        ("/uk/stories/", stories.get_translation(ukrainian)),
        ("/uk/", home_page.get_translation(ukrainian)),
    ]:
        response = find(client, path)
        assert response.status_code == 302, path
        detail = client.get(response["Location"]).json()
        assert detail["id"] == page.id
        assert detail["meta"]["locale"] == path.split("/")[1]


@pytest.mark.parametrize("path", ["/uk/no-such-page/", "/xx/stories/"])
def test_an_address_with_no_page_is_a_404(client, home_page, path):
    assert find(client, path).status_code == 404
