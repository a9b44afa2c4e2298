"""Why a partner is suggested: machine-readable reasons, and their English sentences.

A Reason holds only slugs, city names and numbers; every word of a sentence lives in
``render_reason``, so the site can render the same reason in Ukrainian or Romanian.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from matching.engine.components import Weights
from matching.engine.profiles import Profile

SEVERITY = {1: "present", 2: "serious", 3: "critical"}

#: English labels where the humanised slug would read badly; anything else is humanised.
ENGLISH_LABELS = {
    "ageing": "an ageing population",
    "political-engagement": "a lack of political engagement",
    "displaced-people": "integrating displaced people",
    "museums-heritage": "museums and heritage",
    "crafts-design": "crafts and design",
    "film-media": "film and media",
    "folk-traditions": "folk traditions and houses of culture",
    "da": "Danish",
    "de": "German",
    "en": "English",
    "et": "Estonian",
    "fi": "Finnish",
    "fr": "French",
    "is": "Icelandic",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "nb": "Norwegian",
    "no": "Norwegian",
    "pl": "Polish",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "uk": "Ukrainian",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: a kind and plain parameters (slugs, names, numbers), no sentence."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)


def explain(
    city: Profile,
    partner: Profile,
    weights: Weights | None = None,
    idf: Mapping[str, float] | None = None,
) -> list[Reason]:
    """Reasons for suggesting partner to city, for the components that carry weight.

    Shared challenges come first, the most telling (rare, heavy) first; then what each
    city can learn from the other; then the population ratio; then shared languages.
    """
    weights = weights or Weights()
    idf = idf or {}
    names = {"city": city.name, "partner": partner.name}
    reasons: list[Reason] = []
    if weights.challenges > 0:
        shared = city.challenges.keys() & partner.challenges.keys()
        for slug in sorted(
            shared,
            key=lambda s: (-idf.get(s, 1.0) * (city.challenges[s] + partner.challenges[s]), s),
        ):
            reasons.append(
                Reason(
                    "shared_challenge",
                    {
                        "challenge": slug,
                        **names,
                        "city_weight": city.challenges[slug],
                        "partner_weight": partner.challenges[slug],
                    },
                )
            )
    if weights.themes > 0:
        if learn := sorted(city.seeks & partner.offers):
            reasons.append(Reason("learns_from", {**names, "themes": learn}))
        if teach := sorted(city.offers & partner.seeks):
            reasons.append(Reason("offers_sought", {**names, "themes": teach}))
    if weights.population > 0:
        low, high = sorted((city.population, partner.population))
        reasons.append(
            Reason(
                "population_ratio",
                {
                    **names,
                    "city_population": city.population,
                    "partner_population": partner.population,
                    "ratio": round(high / low, 1),
                },
            )
        )
    if weights.language > 0 and (common := sorted(city.languages & partner.languages)):
        reasons.append(Reason("shared_language", {"languages": common}))
    return reasons


def render_reason(reason: Reason, labels: Mapping[str, str] | None = None) -> str:
    """The English sentence for a reason; labels map slugs to names (default: humanised)."""
    p = reason.params

    def label(slug: str) -> str:
        return english_label(slug, labels)

    if reason.kind == "shared_challenge":
        challenge = label(p["challenge"])
        mine, theirs = p["city_weight"], p["partner_weight"]
        if mine == theirs == 1:
            return f"Both face {challenge}"
        if mine == theirs:
            return f"Both face {challenge} ({SEVERITY[mine]} in both)"
        where = p["city"] if mine > theirs else p["partner"]
        return f"Both face {challenge} ({SEVERITY[max(mine, theirs)]} in {where})"
    if reason.kind == "learns_from":
        return (
            f"{p['city']} can learn about {join_words(map(label, p['themes']))} from {p['partner']}"
        )
    if reason.kind == "offers_sought":
        themes = join_words(map(label, p["themes"]))
        return f"{p['city']} can show {themes}, which {p['partner']} wants to learn about"
    if reason.kind == "population_ratio":
        if p["ratio"] <= 1.0:
            return f"{p['city']} and {p['partner']} have about the same population"
        larger, smaller = (
            (p["city"], p["partner"])
            if p["city_population"] > p["partner_population"]
            else (p["partner"], p["city"])
        )
        return f"{larger} has {p['ratio']:.1f} times the population of {smaller}"
    if reason.kind == "shared_language":
        return f"Both work in {join_words(map(label, p['languages']))}"
    raise ValueError(f"unknown reason kind {reason.kind!r}")


def english_label(slug: str, labels: Mapping[str, str] | None = None) -> str:
    """A slug's name in a sentence: from labels, else ENGLISH_LABELS, else humanised."""
    if labels is not None and slug in labels:
        return labels[slug]
    return ENGLISH_LABELS.get(slug, slug.replace("-", " ").replace("_", " "))


def join_words(items: Any) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
