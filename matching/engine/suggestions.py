"""Suggestions as Python objects: a partner, its score and components, and the reasons."""

import gc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matching.engine.components import Weights
from matching.engine.profiles import Profile
from matching.engine.ranking import Ranking
from matching.engine.reasons import Reason, explain, render_reason


@dataclass(slots=True)
class Suggestion:
    """A partner for a city: score 0-100 (one decimal), components 0-1, reasons."""

    partner: str
    score: float
    components: dict[str, float]
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self, labels: Mapping[str, str] | None = None) -> dict:
        """The command line's JSON shape, reasons rendered as English sentences."""
        return {
            "partner": self.partner,
            "score": self.score,
            "components": dict(self.components),
            "reasons": [render_reason(r, labels) for r in self.reasons],
        }


def suggestion(
    city: Profile,
    partner: Profile,
    score: float,
    values: Sequence[float],
    names: Sequence[str],
    weights: Weights,
    idf: Mapping[str, float],
) -> Suggestion:
    """partner suggested to city, with its reasons; values are the components, in names' order."""
    return Suggestion(
        partner=partner.id,
        score=score,
        components=dict(zip(names, values, strict=True)),
        reasons=explain(city, partner, weights, idf),
    )


def explain_ranking(
    ranking: Ranking, profiles: Sequence[Profile], weights: Weights, idf: Mapping[str, float]
) -> dict[str, list[Suggestion]]:
    """City id -> its Suggestions, best first; profiles are those the ranking indexes."""
    # Hundreds of thousands of small acyclic objects: without a pause, the cyclic
    # collector would rescan them again and again (it doubles the time at 25k cities).
    collecting = gc.isenabled()
    gc.disable()
    try:
        result: dict[str, list[Suggestion]] = {}
        names = ranking.component_names
        # Plain Python numbers, converted a row at a time.
        rows = zip(
            ranking.cities.tolist(),
            ranking.partners.tolist(),
            ranking.scores.tolist(),
            ranking.components.tolist(),
            strict=True,
        )
        for city_index, partners, scores, components in rows:
            city = profiles[city_index]
            result[city.id] = [
                suggestion(city, profiles[p], score, values, names, weights, idf)
                for p, score, values in zip(partners, scores, components, strict=True)
                if p >= 0
            ]
        return result
    finally:
        if collecting:
            gc.enable()
