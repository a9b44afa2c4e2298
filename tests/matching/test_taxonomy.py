"""Taxonomy labels: read from the shared cache, never stale after a term changes."""

import pytest

from matching.reference_data import load_taxonomy
from matching.taxonomy import Challenge, term_labels

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(home_page):
    list(load_taxonomy())


def test_labels_are_read_once_per_language_then_from_the_shared_cache(
    terms, django_assert_num_queries
):
    english, ukrainian = term_labels(Challenge, "en"), term_labels(Challenge, "uk")
    assert english["ageing"] == "Ageing population"
    with django_assert_num_queries(0):
        assert term_labels(Challenge, "en") == english
        assert term_labels(Challenge, "uk") == ukrainian


def test_a_renamed_term_shows_at_once(terms):
    assert term_labels(Challenge, "en")["ageing"] != "Greying population"
    term = Challenge.objects.get(slug="ageing", locale__language_code="en")
    term.name = "Greying population"
    term.save()
    assert term_labels(Challenge, "en")["ageing"] == "Greying population"
