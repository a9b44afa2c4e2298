import pytest
from django.utils import translation

from home.reference_data import translate_missing
from matching.engine.reasons import Reason
from matching.engine.reasons import render_reason as render_english
from matching.explanations import in_sentence, render_reason
from matching.reference_data import load_taxonomy
from matching.taxonomy import Challenge, CultureTheme, term_labels

pytestmark = pytest.mark.django_db

REASONS = [
    Reason(
        "shared_challenge",
        {
            "challenge": "brain-drain",
            "city": "Cahul",
            "partner": "Härnösand",
            "city_weight": 3,
            "partner_weight": 2,
        },
    ),
    Reason(
        "shared_challenge",
        {
            "challenge": "ageing",
            "city": "Cahul",
            "partner": "Härnösand",
            "city_weight": 2,
            "partner_weight": 2,
        },
    ),
    Reason(
        "learns_from",
        {"city": "Cahul", "partner": "Härnösand", "themes": ["libraries", "youth-culture"]},
    ),
    Reason(
        "offers_sought", {"city": "Cahul", "partner": "Härnösand", "themes": ["folk-traditions"]}
    ),
    Reason(
        "population_ratio",
        {
            "city": "Cahul",
            "partner": "Härnösand",
            "city_population": 34000,
            "partner_population": 25000,
            "ratio": 1.4,
        },
    ),
    Reason("shared_language", {"languages": ["en", "ro"]}),
]


@pytest.fixture
def taxonomy(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for term, strings in load_taxonomy():
            translate_missing(term, strings)


def stored(reason: Reason) -> dict:
    return {"kind": reason.kind, "params": reason.params}


@pytest.mark.parametrize("reason", REASONS, ids=lambda r: r.kind)
def test_site_and_command_line_say_the_same_in_english(taxonomy, reason):
    labels = {
        slug: in_sentence(label)
        for model in (Challenge, CultureTheme)
        for slug, label in term_labels(model, "en").items()
    }
    with translation.override("en"):
        assert render_reason(stored(reason)) == render_english(reason, labels)


def test_reasons_use_the_visitors_labels_and_city_names(taxonomy):
    with translation.override("uk"):
        text = render_reason(stored(REASONS[0]), {"Cahul": "Кагул", "Härnösand": "Гернесанд"})
    assert "відплив мізків" in text
    assert "Кагул" in text
