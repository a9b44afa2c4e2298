import numpy as np
import pytest

from matching.engine.block_features import BlockFeatures
from matching.engine.components import Weights, pair_components, total_score
from matching.engine.features import ProfileVectorizer
from tests.matching.engine import random_cities


def fitted(weights: Weights, seed: int = 2):
    profiles = random_cities(12, 8, seed=seed)
    m = ProfileVectorizer().fit(profiles).transform(profiles)
    return m, BlockFeatures(m, weights, 4.0, np.arange(len(profiles)))


@pytest.mark.parametrize(
    "weights", [Weights(), Weights(challenges=1, population=0, themes=0), Weights(themes=2)]
)
def test_one_product_gives_the_exact_score_whenever_one_city_is_the_larger(weights):
    m, features = fitted(weights)
    n = len(m.population)
    q = features.queries(np.arange(n))
    rows, cols = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    names = weights.reported()
    exact = total_score(pair_components(m, rows, cols, names), names, weights).reshape(n, n)
    partner_smaller = (q.smaller @ features.p_smaller).astype(np.float64)
    partner_larger = (q.larger @ features.p_larger).astype(np.float64)
    smaller = m.population[None, :] <= m.population[:, None]
    larger = m.population[None, :] >= m.population[:, None]
    assert np.abs(partner_smaller - exact)[smaller].max() < 1e-3
    assert np.abs(partner_larger - exact)[larger].max() < 1e-3


def test_the_population_column_is_left_out_of_the_width_when_population_weighs_nothing():
    _, weighed = fitted(Weights())
    _, unweighed = fitted(Weights(population=0))
    assert weighed.width == unweighed.width + 1 == weighed.p_smaller.shape[0]


def test_part_of_a_query_block_is_the_block_of_those_cities():
    _, features = fitted(Weights(language=0.2))
    cities = np.array([7, 3, 15, 0, 11, 4])
    part, direct = features.queries(cities).part(1, 4), features.queries(cities[1:4])
    assert len(part) == 3
    for name in ("smaller", "larger", "log_population", "languages"):
        np.testing.assert_array_equal(getattr(part, name), getattr(direct, name))
    assert (part.smallest, part.largest) == (direct.smallest, direct.largest)
