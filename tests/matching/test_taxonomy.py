"""Taxonomy labels: read from the shared cache once per request, never stale afterwards."""

from contextlib import contextmanager
from unittest import mock

import pytest

from matching import taxonomy
from matching.reference_data import load_taxonomy
from matching.taxonomy import Challenge, term_labels

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(home_page):
    list(load_taxonomy())


@contextmanager
def one_request():
    """What the request_started/finished receivers do, without Django's connection handling
    that the same signals trigger (it would close the test's database connection)."""
    taxonomy._start_request_memo()
    try:
        yield
    finally:
        taxonomy._end_request_memo()


def test_a_request_reads_each_vocabulary_from_the_shared_cache_once(terms):
    with one_request():
        with mock.patch.object(taxonomy.cache, "get", wraps=taxonomy.cache.get) as get:
            first = term_labels(Challenge, "en")
            assert term_labels(Challenge, "en") == first
            term_labels(Challenge, "uk")
        assert get.call_count == 2  # one per language


def test_a_renamed_term_shows_in_the_same_and_the_next_request(terms):
    with one_request():
        assert term_labels(Challenge, "en")["ageing"] != "Greying population"
        term = Challenge.objects.get(slug="ageing", locale__language_code="en")
        term.name = "Greying population"
        term.save()
        assert term_labels(Challenge, "en")["ageing"] == "Greying population"
    with one_request():
        assert term_labels(Challenge, "en")["ageing"] == "Greying population"
