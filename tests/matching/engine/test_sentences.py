import numpy as np
import pytest
from hypothesis import given, settings

from matching.engine.components import Weights
from matching.engine.reasons import explain, render_reason
from matching.engine.scoring import PairScorer
from matching.engine.sentences import english_reasons
from tests.matching.engine import cities, city

WEIGHTS = [
    Weights(),
    Weights(challenges=1, population=0, themes=0),
    Weights(challenges=0, population=0.5, themes=0.5, language=0.3),
]


def one_by_one(scorer, rows, cols):
    return [
        [
            render_reason(r)
            for r in explain(scorer.profiles_[i], scorer.profiles_[j], scorer.weights_, scorer.idf_)
        ]
        for i, j in zip(rows, cols, strict=True)
    ]


@pytest.mark.parametrize("weights", WEIGHTS)
@settings(max_examples=40, deadline=None)
@given(profiles=cities(min_size=2, max_size=10))
def test_the_sentences_are_those_of_each_reason_rendered_one_by_one(weights, profiles):
    scorer = PairScorer(weights=weights).fit(profiles)
    n = len(profiles)
    rows, cols = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    assert english_reasons(scorer, rows, cols) == one_by_one(scorer, rows, cols)


def test_challenges_equally_heavy_and_equally_rare_are_listed_by_slug():
    cahul = city("md-cahul", "MD", challenges={"tourism": 2, "ageing": 2, "security": 3})
    vejle = city("dk-vejle", "DK", challenges={"tourism": 2, "ageing": 2, "security": 1})
    scorer = PairScorer().fit([cahul, vejle])
    assert english_reasons(scorer, [0], [1])[0][:3] == [
        "Both face an ageing population (serious in both)",
        "Both face security (critical in Md-Cahul)",
        "Both face tourism (serious in both)",
    ]
