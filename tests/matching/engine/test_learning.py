import numpy as np
import pytest

from matching.engine.components import Weights
from matching.engine.learning import (
    RELEVANCE,
    Outcome,
    WeightLearner,
    evaluate,
    learn_weights,
)
from matching.engine.scoring import PairScorer
from tests.matching.engine import random_cities

GRADES = ["declined", "introduced", "met", "visited", "partnership-signed"]


def staff_feedback(seed=0, hidden=(0.2, 0.0, 0.8)):
    """Outcomes of past suggestions where, unknown to the scorer, themes mattered most."""
    profiles = random_cities(80, 60, seed=seed, approved=1.0)
    # The scorer in use leans on population: the learner should notice it is wrong.
    scorer = PairScorer(weights=Weights(challenges=0.05, population=0.9, themes=0.05))
    scorer.fit(profiles)
    rng = np.random.default_rng(seed)
    east = [p.id for p in profiles if p.region == "east"]
    bsr = [p.id for p in profiles if p.region == "bsr"]
    pairs = [(c, str(p)) for c in east for p in rng.choice(bsr, size=8, replace=False)]
    components = scorer.pair_components(pairs, ("challenges", "population", "themes"))
    latent = components @ np.array(hidden) + rng.normal(0, 0.05, len(pairs))
    grade = np.digitize(latent, np.quantile(latent, [0.3, 0.55, 0.75, 0.9]))
    outcomes = [Outcome(c, p, GRADES[g]) for (c, p), g in zip(pairs, grade, strict=True)]
    return scorer, outcomes


def test_outcomes_are_graded_by_how_far_the_introduction_went():
    assert RELEVANCE == {
        "declined": 0,
        "introduced": 1,
        "met": 2,
        "visited": 3,
        "partnership-signed": 4,
    }
    assert Outcome("ua-a", "se-b", "visited").relevance == 3
    with pytest.raises(ValueError, match="unknown outcome 'ghosted'"):
        Outcome("ua-a", "se-b", "ghosted")


def test_learned_weights_rank_held_out_cities_better_than_misjudged_ones():
    scorer, outcomes = staff_feedback()
    report = evaluate(scorer, outcomes, k=3, random_state=0)
    assert report.learned.ndcg > report.current.ndcg + 0.1
    assert report.learned.precision > report.current.precision
    learned = report.learned_weights
    assert learned.themes > learned.challenges > learned.population
    assert report.n_train + report.n_test == len(outcomes)


def test_evaluation_is_repeatable_with_a_random_state():
    scorer, outcomes = staff_feedback(seed=1)
    first = evaluate(scorer, outcomes, random_state=7)
    assert evaluate(scorer, outcomes, random_state=7) == first


def test_learned_weights_are_non_negative_and_sum_to_one():
    scorer, outcomes = staff_feedback(seed=2, hidden=(0.6, -0.5, 0.4))
    weights = learn_weights(scorer, outcomes)
    values = [weights.challenges, weights.population, weights.themes, weights.language]
    assert min(values) >= 0.0
    assert weights.population == 0.0  # a component that hurts gets no weight, not a negative one
    assert sum(values) + weights.text == pytest.approx(1.0)


def test_without_signal_the_learner_falls_back_to_default_weights():
    learner = WeightLearner(components=("challenges", "population", "themes"))
    learner.fit(np.random.default_rng(0).random((20, 3)), np.zeros(20))
    assert learner.weights_ == Weights()
    with pytest.raises(ValueError, match="3 components"):
        learner.fit(np.zeros((4, 2)), np.zeros(4))
