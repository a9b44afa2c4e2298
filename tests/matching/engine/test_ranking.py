import numpy as np

from matching.engine.ranking import Ranking


def test_each_city_keeps_its_k_best_candidates_score_falling_then_partner_id():
    ranking = Ranking.empty(np.array([0, 1, 2]), 2, ("challenges",))
    row_of = np.array([0, 1, 2, -1, -1, -1, -1])
    city = np.array([0, 0, 0, 1])
    partner = np.array([5, 4, 3, 6])
    total = np.array([50.0, 70.0, 70.0, 10.0])
    values = np.array([[0.123456], [0.5], [0.25], [1.0]])
    ranking.keep_best(city, partner, total, values, row_of)
    assert ranking.partners.tolist() == [[3, 4], [6, -1], [-1, -1]]
    assert ranking.scores[:2].tolist()[0] == [70.0, 70.0]
    assert np.isnan(ranking.scores[1, 1]) and np.isnan(ranking.scores[2]).all()
    assert ranking.components[0, :, 0].tolist() == [0.25, 0.5]


def test_components_are_kept_rounded_to_four_decimals():
    ranking = Ranking.empty(np.array([0]), 1, ("challenges", "themes"))
    values = np.array([[0.123456, 0.99995]])
    ranking.keep_best(np.array([0]), np.array([1]), np.array([40.0]), values, np.array([0, -1]))
    assert ranking.components[0, 0].tolist() == [0.1235, 1.0]
