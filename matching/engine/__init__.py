"""The partner-matching engine: numpy, scipy and scikit-learn only, no Django.

Read profiles (profiles), score and rank cross-divide pairs (scoring, ranking), explain
them (reasons, suggestions), plan shadowing cohorts (cohort) and learn weights from
outcomes (learning). Names are imported on first use, so that the command line rejects
bad input without loading scikit-learn first.
"""

from importlib import import_module

_EXPORTS = {
    "Assignment": "cohort",
    "CohortPlan": "cohort",
    "plan_cohort": "cohort",
    "COMPONENTS": "components",
    "Weights": "components",
    "population_similarity": "components",
    "RELEVANCE": "learning",
    "Evaluation": "learning",
    "Outcome": "learning",
    "WeightLearner": "learning",
    "evaluate": "learning",
    "learn_weights": "learning",
    "Profile": "profiles",
    "ProfileError": "profiles",
    "load_profiles": "profiles",
    "parse_profiles_json": "profiles",
    "Reason": "reasons",
    "explain": "reasons",
    "render_reason": "reasons",
    "BSR": "regions",
    "EAST": "regions",
    "region_of": "regions",
    "PairScorer": "scoring",
    "Ranking": "ranking",
    "Suggestion": "suggestions",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)


def __dir__() -> list[str]:
    return __all__
