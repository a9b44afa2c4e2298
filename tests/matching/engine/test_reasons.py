import json

import pytest
from hypothesis import given, settings

from matching.engine.components import Weights
from matching.engine.reasons import Reason, explain, render_reason
from matching.engine.scoring import PairScorer
from tests.matching.engine import cities, city

CAHUL = city(
    "md-cahul",
    "MD",
    population=30_000,
    challenges={"brain-drain": 3, "ageing": 2, "unemployment": 2},
    offers=("folk-traditions", "festivals"),
    seeks=("libraries", "creative-industries"),
    languages=("ro", "en"),
    name="Cahul",
)
HARNOSAND = city(
    "se-harnosand",
    "SE",
    population=25_000,
    challenges={"brain-drain": 2, "ageing": 2, "displaced-people": 2},
    offers=("libraries", "youth-culture"),
    seeks=("folk-traditions",),
    languages=("sv", "en"),
    name="Härnösand",
)


def sentences(city_profile, partner, weights=None, labels=None):
    return [render_reason(r, labels) for r in explain(city_profile, partner, weights)]


def test_a_suggestion_is_explained_in_plain_english():
    assert sentences(CAHUL, HARNOSAND, Weights(language=0.1)) == [
        "Both face brain drain (critical in Cahul)",
        "Both face an ageing population (serious in both)",
        "Cahul can learn about libraries from Härnösand",
        "Cahul can show folk traditions and houses of culture, which Härnösand wants to learn "
        "about",
        "Cahul has 1.2 times the population of Härnösand",
        "Both work in English",
    ]


def test_the_partner_side_reads_the_other_way_round():
    assert sentences(HARNOSAND, CAHUL)[2:] == [
        "Härnösand can learn about folk traditions and houses of culture from Cahul",
        "Härnösand can show libraries, which Cahul wants to learn about",
        "Cahul has 1.2 times the population of Härnösand",
    ]


def test_labels_replace_slugs_and_unknown_slugs_are_humanised():
    reason = Reason(
        "shared_challenge",
        {
            "challenge": "brain-drain",
            "city": "A",
            "partner": "B",
            "city_weight": 1,
            "partner_weight": 1,
        },
    )
    assert render_reason(reason) == "Both face brain drain"
    assert render_reason(reason, {"brain-drain": "emigration of the young"}) == (
        "Both face emigration of the young"
    )
    learn = Reason("learns_from", {"city": "A", "partner": "B", "themes": ["a-new-theme", "music"]})
    assert render_reason(learn) == "A can learn about a new theme and music from B"


def test_similar_sizes_are_called_the_same_size():
    twin = city("se-twin", "SE", population=30_400, name="Twin")
    assert sentences(CAHUL, twin)[-1] == "Cahul and Twin have about the same population"


def test_reasons_follow_the_weights_in_use():
    only_size = Weights(challenges=0, population=1, themes=0)
    assert [r.kind for r in explain(CAHUL, HARNOSAND, only_size)] == ["population_ratio"]


def test_params_hold_slugs_names_and_numbers_only_never_sentence_words():
    for reason in explain(CAHUL, HARNOSAND, Weights(language=1)):
        flat = json.dumps(reason.params, ensure_ascii=False)
        for word in ("Both", "face", "learn", "show", "times", "population of", "critical"):
            assert word not in flat


def test_an_unknown_kind_is_an_error_not_an_empty_sentence():
    with pytest.raises(ValueError, match="unknown reason kind"):
        render_reason(Reason("gut_feeling", {}))


@settings(max_examples=80, deadline=None)
@given(cities(max_size=8))
def test_every_reason_names_only_what_the_two_cities_really_share(profiles):
    by_id = {p.id: p for p in profiles}
    scorer = PairScorer(weights=Weights(language=0.1)).fit(profiles)
    for city_id, found in scorer.top_k(3).items():
        me = by_id[city_id]
        for suggestion in found:
            other = by_id[suggestion.partner]
            kinds = [r.kind for r in suggestion.reasons]
            assert kinds.count("population_ratio") == 1
            for r in suggestion.reasons:
                p = r.params
                if r.kind == "shared_challenge":
                    assert p["city_weight"] == me.challenges[p["challenge"]]
                    assert p["partner_weight"] == other.challenges[p["challenge"]]
                elif r.kind == "learns_from":
                    assert set(p["themes"]) <= me.seeks & other.offers
                elif r.kind == "offers_sought":
                    assert set(p["themes"]) <= me.offers & other.seeks
                elif r.kind == "shared_language":
                    assert set(p["languages"]) <= me.languages & other.languages
                else:
                    low, high = sorted((me.population, other.population))
                    assert p["ratio"] == round(high / low, 1)
                assert render_reason(r)
            shared = set(me.challenges) & set(other.challenges)
            assert {
                r.params["challenge"] for r in suggestion.reasons if r.kind == "shared_challenge"
            } == shared
