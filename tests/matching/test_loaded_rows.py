"""Rows read back whole; new objects still built by Wagtail's and modelcluster's constructors."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cms.models import StoryPage
from matching.models import City, CityChallenge, CityStatus
from matching.reference_data import load_taxonomy
from matching.taxonomy import Challenge
from tests.cms.factories import StoryIndexPageFactory, StoryPageFactory

from .factories import CityFactory

pytestmark = pytest.mark.django_db


def test_a_page_read_from_the_database_is_the_page_that_was_saved(home_page):
    stories = StoryIndexPageFactory(parent=home_page)
    saved = StoryPageFactory(parent=stories, title="Library living room")

    read = StoryPage.objects.get(pk=saved.pk)

    assert (read.title, read.slug, read.url_path) == (saved.title, saved.slug, saved.url_path)
    assert read.content_type == ContentType.objects.get_for_model(StoryPage)
    assert read._state.adding is False
    carded = StoryPage.objects.defer("summary", "year", "seo_title").get(pk=saved.pk)
    assert (carded.title, carded.country, carded.city_id) == (
        saved.title,
        saved.country,
        saved.city_id,
    )
    assert carded.get_deferred_fields() == {"summary", "year", "seo_title"}
    assert (carded.summary, carded.year) == (saved.summary, saved.year)  # read when asked


def test_a_new_page_still_gets_its_content_type_and_menu_default():
    page = StoryPage(title="Draft story")

    assert page.content_type == ContentType.objects.get_for_model(StoryPage)
    assert page.show_in_menus is StoryPage.show_in_menus_default


def test_a_city_built_with_its_challenges_holds_them_until_saved():
    list(load_taxonomy())
    challenge = Challenge.objects.order_by("pk").first()
    city = City(
        name="Cahul",
        slug="md-cahul",
        country="MD",
        population=30_000,
        status=CityStatus.APPROVED,
        challenges=[CityChallenge(challenge=challenge, weight=3)],
    )

    assert [(c.challenge, c.weight) for c in city.challenges.all()] == [(challenge, 3)]
    city.save()
    assert City.objects.get(pk=city.pk).challenges.get().weight == 3


def test_a_city_read_back_knows_it_was_approved():
    city = CityFactory(status=CityStatus.APPROVED)

    assert City.objects.get(pk=city.pk).was_approved
