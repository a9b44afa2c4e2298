from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings

from matching.engine.blocks import APPROX_ERROR, BlockScorer
from matching.engine.components import Weights, pair_components, total_score
from matching.engine.features import ProfileVectorizer
from tests.matching.engine import cities, random_cities

WEIGHTS = [
    Weights(),
    Weights(challenges=1, population=0, themes=0),
    Weights(challenges=0, population=1, themes=0),
    Weights(challenges=0.3, population=0.2, themes=0.2, text=0.2, language=0.1),
]


def exact_and_approximate(profiles, weights, scale=4.0):
    m = ProfileVectorizer(text=weights.text > 0).fit(profiles).transform(profiles)
    n = len(profiles)
    # Partners sorted by population, as the search lays them out, and cut into runs so
    # that every kind of tile (partners smaller, larger, overlapping) occurs.
    partners = np.argsort(m.population, kind="stable")
    scorer = BlockScorer(m, weights, scale, partners)
    approximate = np.empty((n, n), dtype=np.float32)
    for start in range(0, n, 3):
        stop = min(start + 3, n)
        scorer.score(scorer.queries(np.arange(n)), start, stop, approximate[:, start:stop])
    names = weights.reported()
    rows, cols = np.repeat(np.arange(n), n), np.tile(partners, n)
    exact = total_score(pair_components(m, rows, cols, names, scale), names, weights)
    return exact.reshape(n, n), approximate


@pytest.mark.parametrize("weights", WEIGHTS)
@settings(max_examples=40, deadline=None)
@given(profiles=cities(min_size=2, max_size=12))
def test_float32_block_scores_stay_within_the_stated_error(weights, profiles):
    exact, approximate = exact_and_approximate(profiles, weights)
    assert np.abs(approximate - exact).max() <= APPROX_ERROR / 10


def test_a_strided_run_of_partners_scores_like_the_same_partners_one_by_one():
    profiles = random_cities(8, 4, seed=1)
    m = ProfileVectorizer().fit(profiles).transform(profiles)
    scorer = BlockScorer(m, Weights(), 4.0, np.arange(12))
    q = scorer.queries(np.arange(12))
    strided = np.empty((12, 4), dtype=np.float32)
    scorer.score(q, 1, 12, strided, step=3)
    for j, partner in enumerate(range(1, 12, 3)):
        single = np.empty((12, 1), dtype=np.float32)
        scorer.score(q, partner, partner + 1, single)
        np.testing.assert_allclose(strided[:, j], single[:, 0], atol=1e-4)


@pytest.mark.parametrize("weights", WEIGHTS)
@pytest.mark.parametrize(("chunks", "width"), [(1, 5), (4, 3), (3, 7)])
def test_chunked_layout_holds_the_same_scores_and_nothing_past_the_run(weights, chunks, width):
    profiles = random_cities(14, 9, seed=3)
    m = ProfileVectorizer(text=weights.text > 0).fit(profiles).transform(profiles)
    by_size = np.argsort(m.population, kind="stable")
    scorer = BlockScorer(m, weights, 4.0, by_size)
    # Smallest, largest and all cities: runs of partners smaller, larger and overlapping.
    for chosen in (by_size[:4], by_size[-4:], by_size):
        q = scorer.queries(chosen)
        for start in range(0, len(profiles), 5):
            stop = min(start + chunks * width, len(profiles))
            plain = np.empty((len(chosen), stop - start), dtype=np.float32)
            scorer.score(q, start, stop, plain)
            chunked = np.empty((chunks, len(chosen), width), dtype=np.float32)
            scorer.score_chunked(q, start, stop, chunked)
            laid_out = chunked.transpose(1, 0, 2).reshape(len(chosen), -1)
            np.testing.assert_allclose(laid_out[:, : stop - start], plain, atol=1e-4)
            assert np.all(laid_out[:, stop - start :] == -np.inf)


@pytest.mark.parametrize("weights", WEIGHTS)
def test_runs_of_cities_score_against_their_own_partners_like_a_plain_block(weights):
    profiles = random_cities(14, 9, seed=4)
    m = ProfileVectorizer(text=weights.text > 0).fit(profiles).transform(profiles)
    by_size = np.argsort(m.population, kind="stable")
    scorer = BlockScorer(m, weights, 4.0, by_size)
    cities = np.r_[by_size[:5], by_size, by_size[-3:]]
    bounds = [0, 5, 5 + len(by_size), len(cities)]
    # Partners smaller, overlapping and larger than the runs' cities; one run uses
    # only part of its row of positions.
    positions = np.array([[20, 21, 22, 0], [0, 7, 14, 21], [1, 2, 3, 4]])
    counts = [3, 4, 4]
    q = scorer.queries(cities)
    runs = list(scorer.score_runs(q, bounds, positions, counts))
    for (start, stop), partners, count, scores in zip(
        pairwise(bounds), positions, counts, runs, strict=True
    ):
        plain = np.empty((stop - start, count), dtype=np.float32)
        scorer.score_at(scorer.queries(cities[start:stop]), partners[:count], plain)
        np.testing.assert_allclose(scores, plain, atol=1e-4)
