import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine.blocks import BlockScorer
from matching.engine.components import Weights, pair_components, round_scores, total_score
from matching.engine.features import ProfileVectorizer
from matching.engine.search import Side, chunk_size, search
from tests.matching.engine import cities, city, random_cities


def true_top(m, weights, city_index, partners, k):
    """Brute force: every partner scored exactly, ties by index (= by id)."""
    names = ("challenges", "population", "themes")
    values = pair_components(m, np.full(len(partners), city_index), partners, names)
    scores = round_scores(total_score(values, names, weights))
    order = np.lexsort((partners, -scores))[:k]
    return set(partners[order].tolist())


def check_candidates_hold_the_top_k(profiles, k, block_rows, tile_cols, both_sides):
    m = ProfileVectorizer().fit(profiles).transform(profiles)
    weights = Weights()
    east = np.array([i for i, p in enumerate(profiles) if p.region == "east"])
    bsr = np.array([i for i, p in enumerate(profiles) if p.region == "bsr"])
    approved = np.array([p.is_approved for p in profiles])
    east = np.r_[east[approved[east]], east[~approved[east]]]
    bsr = np.r_[bsr[approved[bsr]], bsr[~approved[bsr]]]
    to_east, to_bsr = (BlockScorer(m, weights, 4.0, order) for order in (east, bsr))
    rows = Side(bsr, to_east, int(approved[east].sum()))
    cols = Side(east, to_bsr, int(approved[bsr].sum())) if both_sides else None
    found_rows, found_cols = search(rows, cols, k, block_rows, tile_cols)
    sides = [(rows, found_rows)] + ([(cols, found_cols)] if both_sides else [])
    for side, (position, partner) in sides:
        pool = side.scorer.partners[: side.pool]
        for i, c in enumerate(side.cities):
            candidates = set(side.scorer.partners[partner[position == i]].tolist())
            assert candidates <= set(pool.tolist())
            if len(pool):
                assert true_top(m, weights, c, pool, k) <= candidates


@settings(max_examples=50, deadline=None)
@given(
    cities(min_size=2, max_size=30),
    st.integers(1, 6),
    st.integers(1, 9),
    st.integers(1, 9),
    st.booleans(),
)
def test_candidates_always_hold_the_exact_top_k(profiles, k, block_rows, tile_cols, both):
    check_candidates_hold_the_top_k(profiles, k, block_rows, tile_cols, both)


@pytest.mark.parametrize("k", [1, 3, 10])
def test_candidates_hold_the_top_k_when_every_score_ties(k):
    twins = [city(f"se-{i:03d}", "SE") for i in range(300)]
    twins += [city(f"ua-{i:03d}", "UA") for i in range(120)]
    check_candidates_hold_the_top_k(twins, k, 16, 64, both_sides=True)


def test_candidates_are_few_per_city_on_varied_profiles():
    profiles = random_cities(400, 40, seed=2, approved=1.0)
    m = ProfileVectorizer().fit(profiles).transform(profiles)
    east = np.array([i for i, p in enumerate(profiles) if p.region == "east"])
    bsr = np.array([i for i, p in enumerate(profiles) if p.region == "bsr"])
    scorer = BlockScorer(m, Weights(), 4.0, bsr)
    (position, _), _ = search(Side(east, scorer, len(bsr)), None, k=5)
    assert len(position) < 0.25 * len(east) * len(bsr)


def test_chunks_are_powers_of_two_leaving_at_least_4k_chunks():
    assert chunk_size(20_000, 10) == 64
    assert chunk_size(20_000, 10, longest=32) == 32
    assert chunk_size(20_000, 10, longest=16) == 16
    assert chunk_size(200, 10) == 4
    assert chunk_size(30, 10) == 1
    for n in range(1, 500, 7):
        size = chunk_size(n, 3)
        assert size & (size - 1) == 0
        assert size == 1 or n // size >= 12


@pytest.mark.parametrize("k", [1, 4])
def test_long_column_chunks_keep_every_partner_tied_at_the_kth_place(k):
    # Twins (same profile, other ids) score exactly alike, so ties at the k-th place
    # fall inside and across chunks; the columns' pool is long enough for chunks of 64.
    profiles = random_cities(1100, 60, seed=5, approved=0.95)
    twins = [dataclasses.replace(p, id=f"{p.id}-twin") for p in profiles[:1100:9] if p.is_approved]
    profiles = profiles + twins
    bsr_pool = sum(p.is_approved and p.region == "bsr" for p in profiles)
    assert chunk_size(bsr_pool, k) == 64
    check_candidates_hold_the_top_k(profiles, k, 128, 64, both_sides=True)
