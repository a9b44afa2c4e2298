import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine.cohort import plan_cohort
from matching.engine.scoring import PairScorer
from tests.matching.engine import random_cities


def brute_force_best_total(scores, capacity, min_score, forbidden=frozenset()):
    """Try every assignment of each visitor to a host or to nobody."""
    n_visitors, n_hosts = scores.shape
    best = 0.0
    for choice in itertools.product(range(-1, n_hosts), repeat=n_visitors):
        used = np.bincount([h for h in choice if h >= 0], minlength=n_hosts)
        if (used > capacity).any():
            continue
        pairs = [(v, h) for v, h in enumerate(choice) if h >= 0]
        if any(scores[v, h] < min_score or (v, h) in forbidden for v, h in pairs):
            continue
        best = max(best, round(sum(scores[v, h] for v, h in pairs), 1))
    return best


instances = st.integers(1, 5).flatmap(
    lambda n_visitors: st.integers(1, 4).flatmap(
        lambda n_hosts: st.tuples(
            st.lists(
                st.lists(st.integers(0, 1000), min_size=n_hosts, max_size=n_hosts),
                min_size=n_visitors,
                max_size=n_visitors,
            ),
            st.lists(st.integers(0, 2), min_size=n_hosts, max_size=n_hosts),
            st.integers(0, 1000),
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(instances)
def test_the_plan_is_as_good_as_the_best_of_every_possible_plan(instance):
    tenths, capacity, min_tenths = instance
    scores = np.array(tenths, dtype=float) / 10
    min_score = min_tenths / 10
    visitors = [f"ua-{i}" for i in range(scores.shape[0])]
    hosts = [f"se-{j}" for j in range(scores.shape[1])]
    plan = plan_cohort(scores, visitors, hosts, capacity, min_score=min_score)
    assert plan.total_score == brute_force_best_total(scores, np.array(capacity), min_score)
    # ... and keeps every rule.
    received = dict.fromkeys(hosts, 0)
    for a in plan.assignments:
        received[a.host] += 1
        assert a.score >= min_score
        assert a.score == scores[visitors.index(a.visitor), hosts.index(a.host)]
    assert all(received[h] <= c for h, c in zip(hosts, capacity, strict=True))
    assert len({a.visitor for a in plan.assignments}) == len(plan.assignments)
    assigned = {a.visitor for a in plan.assignments}
    assert sorted(set(visitors) - assigned) == plan.unassigned


@settings(max_examples=60, deadline=None)
@given(instances, st.data())
def test_excluded_pairs_are_never_used_and_the_rest_stays_optimal(instance, data):
    tenths, capacity, _ = instance
    scores = np.array(tenths, dtype=float) / 10
    all_pairs = [(v, h) for v in range(scores.shape[0]) for h in range(scores.shape[1])]
    forbidden = set(data.draw(st.lists(st.sampled_from(all_pairs), max_size=4)))
    visitors = [f"ua-{i}" for i in range(scores.shape[0])]
    hosts = [f"se-{j}" for j in range(scores.shape[1])]
    excluded = {(visitors[v], hosts[h]) for v, h in forbidden}
    plan = plan_cohort(scores, visitors, hosts, capacity, exclude_pairs=excluded)
    assert not {(a.visitor, a.host) for a in plan.assignments} & excluded
    assert plan.total_score == brute_force_best_total(scores, np.array(capacity), 0, forbidden)


def test_a_pair_scoring_exactly_the_minimum_may_be_used():
    plan = plan_cohort([[42.5]], ["ua-a"], ["se-a"], [1], min_score=42.5)
    assert [(a.visitor, a.host) for a in plan.assignments] == [("ua-a", "se-a")]
    assert plan_cohort([[42.4]], ["ua-a"], ["se-a"], [1], min_score=42.5).unassigned == ["ua-a"]


def test_optimal_beats_greedy():
    # Greedy gives ua-a its best host (90) and leaves ua-b with 10; swapping wins 160.
    scores = [[90.0, 80.0], [80.0, 10.0]]
    plan = plan_cohort(scores, ["ua-a", "ua-b"], ["se-a", "se-b"], [1, 1])
    assert plan.total_score == 160.0
    assert {(a.visitor, a.host) for a in plan.assignments} == {("ua-a", "se-b"), ("ua-b", "se-a")}


def test_among_equal_totals_more_visitors_are_placed():
    plan = plan_cohort([[0.0], [0.0]], ["ua-a", "ua-b"], ["se-a"], [2])
    assert len(plan.assignments) == 2 and plan.total_score == 0.0


def test_pairs_that_do_not_cross_the_divide_are_never_planned():
    plan = plan_cohort([[np.nan, 50.0]], ["ua-a"], ["ua-b", "se-a"], [3, 1])
    assert [a.host for a in plan.assignments] == ["se-a"]


def test_with_a_scorer_the_plan_uses_the_scores_rank_prints():
    profiles = random_cities(12, 8, seed=6, approved=1.0)
    scorer = PairScorer().fit(profiles)
    visitors = [p.id for p in profiles if p.region == "east"]
    hosts = [p.id for p in profiles if p.region == "bsr"]
    capacities = {p.id: p.host_capacity for p in profiles}
    plan = plan_cohort(scorer, visitors, hosts, capacities, min_score=20)
    for a in plan.assignments:
        assert a.score == scorer.score_pair(a.visitor, a.host).score
    assert plan.total_score == round(sum(a.score for a in plan.assignments), 1)
    # Input order makes no difference to the plan.
    again = plan_cohort(scorer, visitors[::-1], hosts[::-1], capacities, min_score=20)
    assert again.total_score == plan.total_score


def test_inconsistent_input_is_refused():
    with pytest.raises(ValueError, match="duplicate visitor"):
        plan_cohort([[1.0], [1.0]], ["ua-a", "ua-a"], ["se-a"], [1])
    with pytest.raises(ValueError, match="scores must be 1 x 2"):
        plan_cohort([[1.0]], ["ua-a"], ["se-a", "se-b"], [1, 1])
    with pytest.raises(ValueError, match="capacities"):
        plan_cohort([[1.0]], ["ua-a"], ["se-a"], [-1])


def test_a_host_without_capacity_receives_nobody():
    plan = plan_cohort([[99.0, 1.0]], ["ua-a"], ["se-full", "se-free"], {"se-free": 1})
    assert [a.host for a in plan.assignments] == ["se-free"]
