"""A listing runs a fixed number of queries, however many items it shows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import EventIndexPage, LabIndexPage, StoryIndexPage
from tests.cms.factories import (
    EventPageFactory,
    LabConclusionsPageFactory,
    LabPageFactory,
    StoryPageFactory,
)
from tests.html_pages import texts

pytestmark = pytest.mark.django_db

TAXONOMY = {"challenges": ["ageing", "brain-drain"], "themes": ["music"], "roles": ["spark"]}


def queries_for(client, url: str) -> int:
    # As visitors before would have: the first view makes the cards' image renditions and
    # fills the shared cache (taxonomy labels, the site's root paths).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_story_listing_queries_do_not_grow_with_stories(client, story_index, settings):
    image = Image.objects.create(title="Hero", file=get_test_image_file())

    def add(n):
        for _ in range(n):
            StoryPageFactory(
                parent=story_index, hero_image=image, hero_image_alt="A hall", **TAXONOMY
            )

    add(5)
    small = queries_for(client, story_index.url + "?page=1")
    add(45)
    large = queries_for(client, story_index.url + "?page=1")
    every = queries_for(client, story_index.url + "?challenge=ageing&theme=music")
    assert large == small
    assert every <= large + 1


def test_story_listing_of_fifty_on_one_page(client, story_index, monkeypatch):
    monkeypatch.setattr(StoryIndexPage, "per_page", 50)
    for _ in range(5):
        StoryPageFactory(parent=story_index, **TAXONOMY)
    five = queries_for(client, story_index.url)
    for _ in range(45):
        StoryPageFactory(parent=story_index, **TAXONOMY)
    response = client.get(story_index.url)
    assert len(texts(response, ".cards .card__title")) == 50
    assert queries_for(client, story_index.url) == five


def test_event_listing_queries_do_not_grow_with_events(client, event_index, monkeypatch):
    monkeypatch.setattr(EventIndexPage, "per_page", 50)
    EventPageFactory.create_batch(5, parent=event_index)
    small = queries_for(client, event_index.url)
    EventPageFactory.create_batch(45, parent=event_index)
    assert queries_for(client, event_index.url) == small
    past = timezone.now() - dt.timedelta(days=30)
    EventPageFactory.create_batch(5, parent=event_index, start=past)
    assert queries_for(client, event_index.url + "?when=past") == small


def test_lab_listing_queries_do_not_grow_with_labs(client, lab_index, monkeypatch):
    monkeypatch.setattr(LabIndexPage, "per_page", 50)

    def add(n):
        for _ in range(n):
            lab = LabPageFactory(parent=lab_index)
            LabConclusionsPageFactory(parent=lab, challenges=["ageing"])

    add(5)
    small = queries_for(client, lab_index.url)
    add(45)
    assert queries_for(client, lab_index.url) == small


def test_each_card_shows_its_own_terms_whichever_cards_a_page_lists(client, story_index):
    """The labels' one query for all the cards gives each card its own."""
    StoryPageFactory(parent=story_index, title="Aging town", challenges=["ageing"])
    StoryPageFactory(parent=story_index, title="Music town", challenges=["brain-drain"])
    StoryPageFactory(parent=story_index, title="Safe town", challenges=["security"])
    for challenge, title, label in [
        ("ageing", "Aging town", "Ageing"),
        ("brain-drain", "Music town", "Brain drain"),
        ("security", "Safe town", "Security"),
    ]:
        html = client.get(story_index.url, {"challenge": challenge}).content.decode()
        card = html[html.index(title) :]
        assert label in card[: card.index("</li>", card.index('class="tags"'))]
