"""An editor's change reaches the next visitor: menus, addresses, hidden pages, images.

Caching is off here (the test settings' default): every page view reads what it shows,
so two app instances show the same site (the page cache's own tests cover it on).
"""

import re

import pytest
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction

from cms.page_cache import bump_generation
from tests.cms.conftest import make_hidden
from tests.cms.factories import StandardPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

HERO = r'<figure class="hero-image">'
CARD = r'<li class="card">\s*'


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


def test_a_change_made_on_another_instance_is_seen_at_the_next_view(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="About us", slug="about-us", show_in_menus=True
    )
    assert "About us" in menu_of(client)

    # Another instance's editor: the row changes without this process's signals, and that
    # instance's signal moves the generation in the cache every instance shares.
    Page.objects.filter(pk=page.pk).update(title="Who we are")
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


def image_src(client, url: str, where: str = HERO) -> str:
    """The address of the first image drawn `where` (a pattern just before its tag)."""
    response = client.get(url)
    assert response.status_code == 200
    return re.search(where + r'<img[^>]* src="([^"]+)"', response.text)[1]


def rendition_exists(image, src: str) -> bool:
    return Rendition.objects.filter(image=image, file__endswith=src.rsplit("/", 1)[1]).exists()


def test_a_page_shows_a_rendition_that_exists_after_renditions_are_removed(client, story_index):
    image = Image.objects.create(title="Hall", file=get_test_image_file())
    story = StoryPageFactory(parent=story_index, hero_image=image, hero_image_alt="A hall")
    first = image_src(client, story.url)
    assert image_src(client, story.url) == first

    # As `wagtail_update_image_renditions --purge-only` does: the files go with the rows.
    for rendition in Rendition.objects.filter(image=image):
        rendition.delete()

    assert rendition_exists(image, image_src(client, story.url))


def test_story_cards_follow_their_images_renditions(client, story_index):
    image = Image.objects.create(title="Hall", file=get_test_image_file())
    StoryPageFactory(parent=story_index, hero_image=image, hero_image_alt="A hall")
    first = image_src(client, story_index.url, CARD)  # made as the card is drawn
    assert image_src(client, story_index.url, CARD) == first

    # A new focal point crops anew: the card shows the new rendition at the next view.
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    moved = image_src(client, story_index.url, CARD)
    assert moved != first
    assert rendition_exists(image, moved)

    for rendition in Rendition.objects.filter(image=image):
        rendition.delete()
    assert rendition_exists(image, image_src(client, story_index.url, CARD))
