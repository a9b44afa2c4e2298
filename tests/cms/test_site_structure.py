"""The site structure a process keeps (routes, menu, restrictions) never shows a stale site.

Caching is off here (the test settings' default): what is kept is the structure only, and
every change an editor makes reaches the next visitor, as does a change another instance
announces through the shared cache.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.page_cache import bump_generation

from .conftest import make_hidden
from .factories import StandardPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def menu_of(client) -> str:
    html = client.get("/en/").content.decode()
    start = html.index('<ul class="menu">')
    return html[start : html.index("</ul>", start)]


def test_a_page_published_into_the_menu_shows_at_the_next_view(client, home_page):
    StandardPageFactory(parent=home_page, title="About us", slug="about-us", show_in_menus=True)
    assert "About us" in menu_of(client)
    StandardPageFactory(parent=home_page, title="Toolkit", slug="toolkit", show_in_menus=True)
    assert "Toolkit" in menu_of(client)


@pytest.mark.parametrize("how", ["draft", "private"])
def test_a_page_seen_then_hidden_is_hidden_at_once(client, story_index, how):
    story = StoryPageFactory(parent=story_index, title="Library living room")
    assert client.get(story.url).status_code == 200
    assert "Library living room" in client.get(story_index.url).content.decode()

    make_hidden(story, how)

    response = client.get(f"/en/stories/{story.slug}/")
    assert response.status_code == (404 if how == "draft" else 302)
    assert "Library living room" not in client.get(story_index.url).content.decode()


def test_a_page_seen_then_renamed_answers_at_its_new_address_only(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="old-name")
    assert client.get("/en/stories/old-name/").status_code == 200

    story.slug = "new-name"
    story.save_revision().publish()

    assert client.get("/en/stories/old-name/").status_code == 404
    assert client.get("/en/stories/new-name/").status_code == 200


def test_a_restriction_lifted_opens_the_page_at_once(client, story_index):
    story = make_hidden(StoryPageFactory(parent=story_index), "private")
    assert client.get(story.url).status_code == 302

    PageViewRestriction.objects.filter(page=story).delete()

    assert client.get(story.url).status_code == 200


def test_a_change_announced_by_another_instance_is_seen_at_the_next_view(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="About us", slug="about-us", show_in_menus=True
    )
    assert "About us" in menu_of(client)

    # Another instance's editor: the row changes here without this process's signals...
    Page.objects.filter(pk=page.pk).update(title="Who we are")
    assert "About us" in menu_of(client)  # this process still holds what it read
    # ...and that instance announces the change in the shared cache, as every save does.
    bump_generation()

    assert "Who we are" in menu_of(client)


def test_links_to_a_renamed_page_lead_to_its_new_address_at_once(client, home_page, story_index):
    about = StandardPageFactory(
        parent=home_page, title="About", slug="about-us", show_in_menus=True
    )
    StoryPageFactory(parent=story_index, title="Library living room", slug="library")
    assert 'href="/en/about-us/"' in menu_of(client)
    assert 'href="/en/stories/library/"' in client.get(story_index.url).content.decode()

    about.slug = "who-we-are"
    about.save_revision().publish()
    story_index.slug = "good-practice"
    story_index.save_revision().publish()

    assert 'href="/en/who-we-are/"' in menu_of(client)
    listing = client.get("/en/good-practice/").content.decode()
    assert 'href="/en/good-practice/library/"' in listing
    assert "/en/stories/" not in listing
