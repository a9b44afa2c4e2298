import dataclasses
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from matching.engine.components import Weights
from matching.engine.scoring import PairScorer
from tests.matching.engine import cities, city, random_cities

quick = settings(max_examples=60, deadline=None)


def brute_force_top_k(scorer, profiles, k, one_pair_at_a_time=True):
    """Every approved cross-divide partner scored, best first, ties by id."""
    ids = [p.id for p in profiles]
    grid = scorer.score_grid(ids, ids)
    result = {}
    for i, p in enumerate(profiles):
        partners = [j for j, q in enumerate(profiles) if q.region != p.region and q.is_approved]
        if one_pair_at_a_time:
            scored = [(scorer.score_pair(p.id, ids[j]).score, ids[j]) for j in partners]
        else:
            scored = [(float(grid[i, j]), ids[j]) for j in partners]
        ranked = sorted(scored, key=lambda s: (-s[0], s[1]))[:k]
        result[p.id] = [(pid, score) for score, pid in ranked]
    return result


def as_pairs(top):
    return {c: [(s.partner, s.score) for s in found] for c, found in top.items()}


@quick
@given(cities(max_size=12), st.integers(1, 5))
def test_top_k_is_the_best_approved_partners_across_the_divide_ties_by_id(profiles, k):
    scorer = PairScorer(block_size=3, tile_width=2).fit(profiles)
    assert as_pairs(scorer.top_k(k)) == brute_force_top_k(scorer, profiles, k)


@quick
@given(cities(max_size=12))
def test_only_approved_cross_divide_partners_and_never_the_city_itself(profiles):
    by_id = {p.id: p for p in profiles}
    top = PairScorer().fit(profiles).top_k(k=len(profiles))
    assert set(top) == set(by_id)  # every city is ranked, whatever its status
    for city_id, found in top.items():
        for s in found:
            partner = by_id[s.partner]
            assert s.partner != city_id
            assert partner.is_approved
            assert partner.region != by_id[city_id].region
        assert len(found) == sum(
            q.is_approved and q.region != by_id[city_id].region for q in profiles
        )


@quick
@given(cities(max_size=10), st.randoms(use_true_random=False))
def test_the_order_of_the_input_makes_no_difference(profiles, rnd):
    shuffled = profiles[:]
    rnd.shuffle(shuffled)
    first = PairScorer().fit(profiles).top_k(3)
    second = PairScorer().fit(shuffled).top_k(3)
    assert list(first) == list(second)
    assert {c: [s.to_dict() for s in f] for c, f in first.items()} == {
        c: [s.to_dict() for s in f] for c, f in second.items()
    }


@quick
@given(cities(min_size=2, max_size=8))
def test_the_score_is_the_same_whichever_side_is_east(profiles):
    scorer = PairScorer().fit(profiles)
    east = [p for p in profiles if p.region == "east"]
    bsr = [p for p in profiles if p.region == "bsr"]
    a, b = east[0], bsr[0]
    there, back = scorer.score_pair(a.id, b.id), scorer.score_pair(b.id, a.id)
    assert there.score == back.score
    assert there.components == back.components
    # Swap the sides themselves: a becomes the BSR city and b the East one.
    mirrored = [
        dataclasses.replace(p, country="SE" if p is a else "UA" if p is b else p.country)
        for p in profiles
    ]
    assert PairScorer().fit(mirrored).score_pair(a.id, b.id).score == there.score


@quick
@given(cities(max_size=10))
def test_scores_lie_in_0_to_100_with_one_decimal(profiles):
    for found in PairScorer().fit(profiles).top_k(5).values():
        for s in found:
            assert 0.0 <= s.score <= 100.0
            assert s.score == round(s.score, 1)
            assert all(0.0 <= v <= 1.0 for v in s.components.values())


@pytest.mark.parametrize("options", [{}, {"block_size": 7, "tile_width": 40}, {"n_jobs": 2}])
def test_hundreds_of_cities_rank_exactly_as_pair_by_pair(options):
    profiles = random_cities(300, 90, seed=3)
    scorer = PairScorer(**options).fit(profiles)
    assert as_pairs(scorer.top_k(10)) == brute_force_top_k(scorer, profiles, 10, False)


def test_identical_cities_tie_and_are_ordered_by_partner_id():
    twins = [city(f"se-{i:02d}", "SE") for i in range(30)] + [city("ua-a", "UA")]
    found = PairScorer().fit(twins).top_k(5)["ua-a"]
    assert [s.partner for s in found] == ["se-00", "se-01", "se-02", "se-03", "se-04"]
    assert len({s.score for s in found}) == 1


def test_a_subset_of_cities_ranks_as_in_the_full_run():
    profiles = random_cities(120, 40, seed=4)
    scorer = PairScorer().fit(profiles)
    ids = [p.id for p in random.Random(0).sample(profiles, 25)]
    full = scorer.top_k(4)
    assert as_pairs(scorer.top_k(4, ids)) == {i: as_pairs(full)[i] for i in sorted(ids)}
    with pytest.raises(ValueError, match="unknown city id 'nowhere'"):
        scorer.top_k(4, ["nowhere"])


def test_rank_arrays_match_the_suggestions():
    profiles = random_cities(50, 20, seed=5)
    scorer = PairScorer().fit(profiles)
    ranking, top = scorer.rank(3), scorer.top_k(3)
    assert ranking.partners.shape == (70, 3)
    for row, city_index in enumerate(ranking.cities):
        found = top[scorer.profiles_[city_index].id]
        assert [scorer.profiles_[p].id for p in ranking.partners[row]] == [s.partner for s in found]
        assert ranking.scores[row].tolist() == [s.score for s in found]


def test_a_city_with_fewer_partners_than_k_gets_them_all():
    profiles = [city("ua-a", "UA"), city("se-a"), city("se-b"), city("se-c", status="draft")]
    scorer = PairScorer().fit(profiles)
    assert [s.partner for s in scorer.top_k(10)["ua-a"]] == ["se-a", "se-b"]
    ranking = scorer.rank(10)
    assert (ranking.partners[ranking.cities == scorer.index_["ua-a"]] >= 0).sum() == 2
    assert scorer.top_k(10)["se-c"][0].partner == "ua-a"  # a draft is ranked, not suggested


def test_optional_components_are_reported_only_when_weighted():
    profiles = [city("ua-a", "UA", languages=("uk",)), city("se-a", languages=("sv",))]
    plain = PairScorer().fit(profiles).score_pair("ua-a", "se-a")
    assert list(plain.components) == ["challenges", "population", "themes"]
    weights = Weights(language=0.2, text=0.1)
    both = PairScorer(weights=weights).fit(profiles).score_pair("ua-a", "se-a")
    assert list(both.components) == ["challenges", "population", "themes", "text", "language"]
    assert both.components["language"] == 0.0


def test_follows_scikit_learn_estimator_conventions():
    scorer = PairScorer(weights=Weights(themes=0.5), block_size=8)
    assert scorer.get_params()["block_size"] == 8
    copy = clone(scorer)
    assert copy.get_params() == scorer.get_params()
    with pytest.raises(NotFittedError):
        copy.top_k()
    profiles = random_cities(5, 3)
    assert scorer.fit(profiles) is scorer
    assert not hasattr(copy, "profiles_")
    assert scorer.set_params(block_size=16).block_size == 16


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.score_pair("ua-a", "ua-b"), "same side"),
        (lambda s: s.score_pair("ua-a", "ua-a"), "same side"),
        (lambda s: s.top_k(0), "positive integer"),
        (lambda s: s.top_k(True), "positive integer"),
    ],
)
def test_rule_breaking_requests_are_refused(call, message):
    scorer = PairScorer().fit([city("ua-a", "UA"), city("ua-b", "UA"), city("se-a")])
    with pytest.raises(ValueError, match=message):
        call(scorer)


def test_duplicate_ids_and_bad_parameters_are_refused_at_fit():
    with pytest.raises(ValueError, match="duplicate profile id 'se-a'"):
        PairScorer().fit([city("se-a"), city("se-a", population=5)])
    with pytest.raises(ValueError, match="block_size"):
        PairScorer(block_size=0).fit([city("se-a")])
    with pytest.raises(ValueError, match="population_scale"):
        PairScorer(population_scale=1.0).fit([city("se-a")])


def test_score_grid_marks_same_side_pairs_as_not_a_number():
    scorer = PairScorer().fit([city("ua-a", "UA"), city("se-a"), city("se-b")])
    grid = scorer.score_grid(["ua-a", "se-a"], ["se-a", "se-b"])
    assert grid[0, 0] == scorer.score_pair("ua-a", "se-a").score
    assert np.isnan(grid[1]).all()
