"""Fixtures shared by the matching tests."""

import pytest
from django.core.cache import cache

from home.matching_pages import ensure_matching_pages
from matching.models import City
from matching.reference_data import load_taxonomy
from matching.services import recompute_suggestions
from tests.matching.factories import CityFactory


@pytest.fixture
def site(home_page, settings):
    settings.MODERATORS_EMAIL = ["moderators@rescom.test"]
    cache.clear()
    list(load_taxonomy())
    ensure_matching_pages(home_page)
    harnosand = CityFactory(
        name="Härnösand",
        slug="se-harnosand",
        country="SE",
        population=25_000,
        challenges={"brain-drain": 2, "ageing": 2},
        offers=["libraries"],
        seeks=["folk-traditions"],
    )
    CityFactory(
        name="Kiel", slug="de-kiel", country="DE", population=250_000, challenges={"security": 1}
    )
    City.objects.create(name="Cahul", slug="md-cahul", country="MD", population=34_000)
    recompute_suggestions()
    return harnosand
