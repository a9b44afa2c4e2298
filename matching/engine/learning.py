"""Weights learned from what became of past suggestions, and checked on held-out cities.

Each outcome is graded by how far the introduction went (RELEVANCE): declined 0,
introduced 1, met 2, visited 3, partnership signed 4. A non-negative ridge regression
of the grade on the pair's components gives one coefficient per component; normalised,
they are weights (only their ratios matter, as the score is a weighted mean).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.linear_model import Ridge
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.utils.validation import check_is_fitted

from matching.engine.components import COMPONENTS, Weights

RELEVANCE = {"declined": 0, "introduced": 1, "met": 2, "visited": 3, "partnership-signed": 4}
#: Outcomes from "met" up count as hits for precision@k.
RELEVANT_FROM = RELEVANCE["met"]


@dataclass(frozen=True)
class Outcome:
    """What became of suggesting ``partner`` to ``city``."""

    city: str
    partner: str
    outcome: str

    def __post_init__(self) -> None:
        if self.outcome not in RELEVANCE:
            raise ValueError(f"unknown outcome {self.outcome!r}; expected one of {list(RELEVANCE)}")

    @property
    def relevance(self) -> int:
        return RELEVANCE[self.outcome]


@dataclass(frozen=True)
class RankingQuality:
    precision: float  # mean over held-out cities of the share of hits in their top k
    ndcg: float  # mean NDCG@k over held-out cities with two or more outcomes


@dataclass(frozen=True)
class Evaluation:
    k: int
    current: RankingQuality
    learned: RankingQuality
    learned_weights: Weights
    n_train: int
    n_test: int


class WeightLearner(RegressorMixin, BaseEstimator):
    """Non-negative ridge regression of relevance on component columns (``components``)."""

    def __init__(self, alpha: float = 1.0, components: Sequence[str] = COMPONENTS[:3]):
        self.alpha = alpha
        self.components = components

    def fit(self, X: np.ndarray, y: np.ndarray) -> "WeightLearner":
        """Learn coef_ and weights_; with no usable signal, weights_ are the defaults."""
        X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
        if X.shape[1] != len(self.components):
            raise ValueError(f"X has {X.shape[1]} columns for {len(self.components)} components")
        model = Ridge(alpha=self.alpha, positive=True).fit(X, y)
        self.coef_ = np.maximum(model.coef_, 0.0)
        self.intercept_ = float(model.intercept_)
        total = self.coef_.sum()
        if total > 0:
            self.weights_ = Weights(
                **{c: float(v / total) for c, v in zip(self.components, self.coef_, strict=True)},
                **{c: 0.0 for c in COMPONENTS if c not in self.components},
            )
        else:
            self.weights_ = Weights()
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        check_is_fitted(self, "coef_")
        return np.asarray(X, dtype=np.float64) @ self.coef_ + self.intercept_


def learn_weights(scorer: object, outcomes: Sequence[Outcome], alpha: float = 1.0) -> Weights:
    """Weights fitted on every outcome, for a fitted PairScorer that knows both cities."""
    names, X, y = _design(scorer, outcomes)
    return WeightLearner(alpha=alpha, components=names).fit(X, y).weights_


def evaluate(
    scorer: object,
    outcomes: Sequence[Outcome],
    k: int = 5,
    test_size: float = 0.3,
    alpha: float = 1.0,
    random_state: int | np.random.RandomState | None = None,
) -> Evaluation:
    """precision@k and NDCG@k on held-out cities for learned against the scorer's weights.

    Cities, not outcomes, are held out, so no city is ranked with weights fitted on its
    own outcomes. Each held-out city's outcomes are ranked by score.
    """
    names, X, y = _design(scorer, outcomes)
    cities = np.array([o.city for o in outcomes])
    partners = np.array([o.partner for o in outcomes])
    split = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=random_state)
    train, test = next(split.split(X, y, groups=cities))
    learned = WeightLearner(alpha=alpha, components=names).fit(X[train], y[train]).weights_
    return Evaluation(
        k=k,
        current=_quality(X[test], y[test], cities[test], partners[test], names, scorer.weights_, k),
        learned=_quality(X[test], y[test], cities[test], partners[test], names, learned, k),
        learned_weights=learned,
        n_train=len(train),
        n_test=len(test),
    )


def _design(
    scorer: object, outcomes: Sequence[Outcome]
) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    if not outcomes:
        raise ValueError("no outcomes to learn from")
    names = tuple(c for c in COMPONENTS if c != "text" or scorer.matrices_.text is not None)
    X = scorer.pair_components([(o.city, o.partner) for o in outcomes], names)
    return names, X, np.array([o.relevance for o in outcomes], dtype=np.float64)


def _quality(
    X: np.ndarray,
    y: np.ndarray,
    cities: np.ndarray,
    partners: np.ndarray,
    names: tuple[str, ...],
    weights: Weights,
    k: int,
) -> RankingQuality:
    share = weights.normalised()
    scores = X @ np.array([share[n] for n in names])
    precisions, ndcgs = [], []
    for city in np.unique(cities):
        mine = np.flatnonzero(cities == city)
        # Best first, ties by partner id, as the engine ranks.
        ranked = mine[np.lexsort((partners[mine], -scores[mine]))]
        top = ranked[:k]
        precisions.append(float(np.mean(y[top] >= RELEVANT_FROM)))
        if len(mine) > 1:
            ndcgs.append(float(ndcg_score([y[mine]], [scores[mine]], k=k)))
    return RankingQuality(
        precision=float(np.mean(precisions)) if precisions else float("nan"),
        ndcg=float(np.mean(ndcgs)) if ndcgs else float("nan"),
    )
