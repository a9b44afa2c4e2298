"""Taxonomy labels: read from the shared cache once per process and change, never stale afterwards."""

from contextlib import contextmanager
from unittest import mock

import pytest

from cms.page_cache import current_generation
from matching import taxonomy
from matching.reference_data import load_taxonomy
from matching.structure_cache import window
from matching.taxonomy import Challenge, term_labels

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(home_page):
    list(load_taxonomy())


@contextmanager
def one_request():
    """A visitor's page view, as the site-structure middleware opens it."""
    with window(current_generation):
        yield


def test_labels_are_read_from_the_shared_cache_once_per_language(terms):
    with mock.patch.object(taxonomy.cache, "get", wraps=taxonomy.cache.get) as get:
        with one_request():
            first = term_labels(Challenge, "en")
            assert term_labels(Challenge, "en") == first
            term_labels(Challenge, "uk")
        with one_request():
            assert term_labels(Challenge, "en") == first
    assert [c.args[0] for c in get.call_args_list].count("taxonomy:challenge:en") == 1
    assert [c.args[0] for c in get.call_args_list].count("taxonomy:challenge:uk") == 1


def test_a_renamed_term_shows_at_once_to_editors_and_at_the_next_page_view(terms):
    with one_request():
        assert term_labels(Challenge, "en")["ageing"] != "Greying population"
    term = Challenge.objects.get(slug="ageing", locale__language_code="en")
    term.name = "Greying population"
    term.save()
    assert term_labels(Challenge, "en")["ageing"] == "Greying population"
    with one_request():
        assert term_labels(Challenge, "en")["ageing"] == "Greying population"
