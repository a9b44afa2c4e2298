"""Image renditions kept per process never point a page at a file that is gone."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from .factories import StoryPageFactory

pytestmark = pytest.mark.django_db


HERO = r'<figure class="hero-image">'
CARD = r'<li class="card">\s*'


def image_src(client, url: str, where: str = HERO) -> str:
    """The address of the first image drawn `where` (a pattern just before its tag)."""
    response = client.get(url)
    assert response.status_code == 200
    return re.search(where + r'<img[^>]* src="([^"]+)"', response.text)[1]


def test_a_page_shows_a_rendition_that_exists_after_renditions_are_removed(client, story_index):
    image = Image.objects.create(title="Hall", file=get_test_image_file())
    story = StoryPageFactory(parent=story_index, hero_image=image, hero_image_alt="A hall")
    first = image_src(client, story.url)
    with CaptureQueriesContext(connection) as again:
        assert image_src(client, story.url) == first
    assert not [q for q in again if "wagtailimages_rendition" in q["sql"]]

    # As `wagtail_update_image_renditions --purge-only` does: the files go with the rows.
    for rendition in Rendition.objects.filter(image=image):
        rendition.delete()

    src = image_src(client, story.url)
    assert Rendition.objects.filter(image=image, file__endswith=src.rsplit("/", 1)[1]).exists()


def test_story_cards_follow_their_images_renditions(client, story_index):
    image = Image.objects.create(title="Hall", file=get_test_image_file())
    StoryPageFactory(parent=story_index, hero_image=image, hero_image_alt="A hall")
    first = image_src(client, story_index.url, CARD)  # made as the card is drawn
    assert image_src(client, story_index.url, CARD) == first
    with CaptureQueriesContext(connection) as again:
        assert image_src(client, story_index.url, CARD) == first
    assert not [q for q in again if "wagtailimages_rendition" in q["sql"]]  # kept

    # A new focal point crops anew: the card shows the new rendition at the next view.
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    moved = image_src(client, story_index.url, CARD)
    assert moved != first
    assert Rendition.objects.filter(image=image, file__endswith=moved.rsplit("/", 1)[1]).exists()

    for rendition in Rendition.objects.filter(image=image):
        rendition.delete()
    remade = image_src(client, story_index.url, CARD)
    assert Rendition.objects.filter(image=image, file__endswith=remade.rsplit("/", 1)[1]).exists()
