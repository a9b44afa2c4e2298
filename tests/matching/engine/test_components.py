import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine.components import (
    COMPONENTS,
    Weights,
    pair_components,
    population_similarity,
    total_score,
)
from matching.engine.features import ProfileVectorizer
from matching.engine.scoring import PairScorer
from tests.matching.engine import CHALLENGES, challenge_maps, city, theme_sets

# Cities run from hamlets to capitals; float64 tells apart every two population ratios
# of cities up to ten million (beyond that, ratios 1e-16 apart can tie).
city_sizes = st.integers(1, 10_000_000)


@given(city_sizes)
def test_population_is_one_at_equal_size(size):
    assert population_similarity(size, size) == 1.0


@given(city_sizes, city_sizes)
def test_population_is_symmetric(a, b):
    assert population_similarity(a, b) == population_similarity(b, a)


@settings(max_examples=300)
@given(city_sizes, city_sizes, city_sizes)
def test_population_falls_strictly_as_the_ratio_grows(anchor, b, c):
    # Compare the exact ratios max/min as integers: b/anchor vs c/anchor.
    ratio_b = (max(anchor, b), min(anchor, b))
    ratio_c = (max(anchor, c), min(anchor, c))
    left, right = ratio_b[0] * ratio_c[1], ratio_c[0] * ratio_b[1]
    similar_b, similar_c = population_similarity(anchor, b), population_similarity(anchor, c)
    if left < right:
        assert similar_b > similar_c
    elif left > right:
        assert similar_b < similar_c
    else:
        assert similar_b == similar_c


def test_population_falls_strictly_next_to_equal_size_and_far_out():
    big = 10_000_000
    assert population_similarity(big, big) > population_similarity(big, big + 1)
    assert population_similarity(big - 1, big) > population_similarity(big + 1, big - 1)
    # Far out, where a float32 Gaussian would have underflowed to a flat 0:
    assert population_similarity(1, big - 1) > population_similarity(1, big) > 0


def test_the_scale_is_the_ratio_that_halves_the_population_component():
    assert population_similarity(10_000, 40_000, scale=4.0) == pytest.approx(0.5)
    assert population_similarity(10_000, 30_000, scale=3.0) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="population_scale"):
        population_similarity(1, 2, scale=1.2)


def challenge_share(a: dict, b: dict, others: list[dict]) -> float:
    """The challenges component of a and b, with IDF learned from the whole set."""
    profiles = [city("ua-a", "UA", challenges=a), city("se-b", "SE", challenges=b)]
    profiles += [city(f"fi-{i}", "FI", challenges=o) for i, o in enumerate(others)]
    return PairScorer().fit(profiles).score_pair("ua-a", "se-b").components["challenges"]


@settings(max_examples=150, deadline=None)
@given(
    challenge_maps,
    challenge_maps,
    st.lists(challenge_maps, max_size=4),
    st.sampled_from(CHALLENGES),
    st.integers(1, 3),
    st.integers(1, 3),
)
def test_a_challenge_added_to_both_cities_never_lowers_the_challenge_component(
    a, b, others, added, weight_a, weight_b
):
    a, b = {k: v for k, v in a.items() if k != added}, {k: v for k, v in b.items() if k != added}
    before = challenge_share(a, b, others)
    after = challenge_share({**a, added: weight_a}, {**b, added: weight_b}, others)
    assert after >= before


def test_cosine_would_fall_where_the_challenge_component_rises():
    # The case that rules cosine out: add a challenge both face, with unequal weights.
    a, b = {"security": 1}, {"security": 1}
    a2, b2 = {**a, "tourism": 3}, {**b, "tourism": 1}
    assert challenge_share(a2, b2, []) >= challenge_share(a, b, [])
    va, vb = np.array([1.0, 3.0]), np.array([1.0, 1.0])
    assert va @ vb / np.linalg.norm(va) / np.linalg.norm(vb) < 1.0


def components_of(a, b, names=COMPONENTS):
    profiles = [a, b]
    m = ProfileVectorizer(text=True).fit(profiles).transform(profiles)
    return dict(zip(names, pair_components(m, [0], [1], names)[0], strict=True))


def test_themes_count_learning_both_ways():
    one_way = components_of(
        city("ua-a", "UA", seeks=("libraries",)), city("se-b", offers=("libraries",))
    )
    both_ways = components_of(
        city("ua-a", "UA", seeks=("libraries",), offers=("music",)),
        city("se-b", offers=("libraries",), seeks=("music",)),
    )
    assert one_way["themes"] == 0.5
    assert both_ways["themes"] == 1.0


@settings(max_examples=100, deadline=None)
@given(challenge_maps, challenge_maps, theme_sets, theme_sets, theme_sets, theme_sets)
def test_every_component_lies_between_0_and_1_and_is_symmetric(ca, cb, oa, sa, ob, sb):
    a = city("ua-a", "UA", challenges=ca, offers=tuple(oa), seeks=tuple(sa), description="x y")
    b = city("se-b", challenges=cb, offers=tuple(ob), seeks=tuple(sb), description="y z")
    forward, backward = components_of(a, b), components_of(b, a)
    assert forward == backward
    assert all(0.0 <= v <= 1.0 for v in forward.values())


def test_weights_must_be_non_negative_finite_and_not_all_zero():
    assert Weights(themes=Decimal("0.5")).themes == 0.5  # as a settings form may give it
    for bad in ({"challenges": -0.1}, {"themes": math.nan}, {"text": math.inf}, {"text": "x"}):
        with pytest.raises(ValueError, match="must be a finite number"):
            Weights(**bad)
    with pytest.raises(ValueError, match="above zero"):
        Weights(challenges=0, population=0, themes=0)


def test_the_score_is_100_times_the_weighted_mean_of_the_components():
    weights = Weights(challenges=2, population=1, themes=1)
    components = np.array([[1.0, 0.5, 0.0]])
    names = ("challenges", "population", "themes")
    assert total_score(components, names, weights)[0] == pytest.approx(62.5)
    assert weights.reported() == names
    assert Weights(language=0.1).reported() == (*names, "language")
