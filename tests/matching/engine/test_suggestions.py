import numpy as np

from matching.engine.reasons import explain, render_reason
from matching.engine.scoring import PairScorer
from matching.engine.suggestions import Suggestion, explain_ranking
from tests.matching.engine import city, random_cities


def test_a_suggestion_prints_its_reasons_as_english_sentences():
    cahul = city("md-cahul", "MD", challenges={"brain-drain": 3}, name="Cahul")
    harnosand = city("se-harnosand", challenges={"brain-drain": 2}, name="Härnösand")
    reasons = explain(cahul, harnosand)
    printed = Suggestion("se-harnosand", 61.5, {"challenges": 1.0}, reasons).to_dict()
    assert printed == {
        "partner": "se-harnosand",
        "score": 61.5,
        "components": {"challenges": 1.0},
        "reasons": [render_reason(r) for r in reasons],
    }
    assert printed["reasons"][0] == "Both face brain drain (critical in Cahul)"


def test_a_ranking_is_explained_row_by_row_without_the_missing_partners():
    profiles = [*random_cities(6, 2, seed=3), city("se-draft", status="draft")]
    scorer = PairScorer().fit(profiles)
    ranking = scorer.rank(7)
    explained = explain_ranking(ranking, scorer.profiles_, scorer.weights_, scorer.idf_)
    assert list(explained) == sorted(p.id for p in profiles)
    by_id = {p.id: p for p in profiles}
    for row, city_index in enumerate(ranking.cities):
        found = explained[scorer.profiles_[city_index].id]
        assert len(found) == (ranking.partners[row] >= 0).sum()
        assert [s.score for s in found] == ranking.scores[row][: len(found)].tolist()
        for s in found:
            own = scorer.profiles_[city_index]
            assert s.reasons == explain(own, by_id[s.partner], scorer.weights_, scorer.idf_)
            assert list(s.components) == list(ranking.component_names)
    assert np.isnan(ranking.scores[ranking.partners < 0]).all()
