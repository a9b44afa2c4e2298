"""English reasons of many suggestions at once, as render_reason(explain(...)) words them.

For the command line, which prints hundreds of thousands of them: every sentence about
one city's challenge, and every list of themes or languages, is written once, and the
shared challenges of all the pairs are ordered by one numpy sort; what is left per pair
is the sentences that name both cities.
"""

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from matching.engine.reasons import SEVERITY, english_label, join_words

if TYPE_CHECKING:
    from matching.engine.scoring import PairScorer


def english_reasons(
    scorer: "PairScorer", cities: np.ndarray, partners: np.ndarray
) -> list[list[str]]:
    """The reasons, as English sentences, for each pair (cities[i], partners[i]) of
    profile indices of a fitted scorer."""
    profiles, m, weights = scorer.profiles_, scorer.matrices_, scorer.weights_
    cities = np.asarray(cities, dtype=np.intp)
    partners = np.asarray(partners, dtype=np.intp)
    found: list[list[str]] = [[] for _ in range(len(cities))]
    if weights.challenges > 0:
        for reasons, more in zip(found, _shared_challenges(scorer, cities, partners), strict=True):
            reasons += more
    city_names = [profiles[i].name for i in cities.tolist()]
    partner_names = [profiles[i].name for i in partners.tolist()]
    if weights.themes > 0:
        themes = scorer.vectorizer_.theme_binarizer_.classes_.tolist()
        learns = _joined(np.take(m.seeks, cities, 0), np.take(m.offers, partners, 0), themes)
        shows = _joined(np.take(m.offers, cities, 0), np.take(m.seeks, partners, 0), themes)
        rows = zip(found, city_names, partner_names, learns, shows, strict=True)
        for reasons, city, partner, learn, show in rows:
            if learn:
                reasons.append(f"{city} can learn about {learn} from {partner}")
            if show:
                reasons.append(f"{city} can show {show}, which {partner} wants to learn about")
    if weights.population > 0:
        sizes = [p.population for p in profiles]
        rows = zip(
            found, cities.tolist(), partners.tolist(), city_names, partner_names, strict=True
        )
        for reasons, i, j, city, partner in rows:
            ratio = round(max(sizes[i], sizes[j]) / min(sizes[i], sizes[j]), 1)
            if ratio <= 1.0:
                reasons.append(f"{city} and {partner} have about the same population")
            else:
                larger, smaller = (city, partner) if sizes[i] > sizes[j] else (partner, city)
                reasons.append(f"{larger} has {ratio:.1f} times the population of {smaller}")
    if weights.language > 0:
        codes = scorer.vectorizer_.language_binarizer_.classes_.tolist()
        both = _joined(np.take(m.languages, cities, 0), np.take(m.languages, partners, 0), codes)
        for reasons, common in zip(found, both, strict=True):
            if common:
                reasons.append(f"Both work in {common}")
    return found


def _shared_challenges(
    scorer: "PairScorer", cities: np.ndarray, partners: np.ndarray
) -> list[list[str]]:
    """Per pair, the sentences of the challenges both face, the most telling first: the
    order of explain's key, -idf x (the two weights), then slug (the columns' order)."""
    profiles, m = scorer.profiles_, scorer.matrices_
    slugs = scorer.vectorizer_.challenge_slugs
    width = len(slugs)
    mine, theirs = np.take(m.challenges, cities, 0), np.take(m.challenges, partners, 0)
    shared = (mine > 0) & (theirs > 0)
    # The same float64 products as explain's key, so equal keys tie exactly as there.
    key = np.where(shared, -m.idf * (mine + theirs), np.inf)
    order = np.argsort(key, axis=1, kind="stable")
    counts = shared.sum(axis=1)
    row, col = np.nonzero(np.arange(width) < counts[:, None])
    col = order[row, col]
    a, b = mine[row, col].astype(np.intp), theirs[row, col].astype(np.intp)
    # Sentences: first "both equally" per challenge and weight, then per city and
    # challenge the one naming the city that faces it more.
    labels = [english_label(slug) for slug in slugs]
    texts = [
        f"Both face {label}" if w == 1 else f"Both face {label} ({SEVERITY[w]} in both)"
        for label in labels
        for w in (1, 2, 3)
    ]
    column = {slug: j for j, slug in enumerate(slugs)}
    named: list[str | None] = [None] * (len(profiles) * width)
    for i, p in enumerate(profiles):
        for slug, w in p.challenges.items():
            named[i * width + column[slug]] = (
                f"Both face {labels[column[slug]]} ({SEVERITY[w]} in {p.name})"
            )
    texts += named
    stronger = np.where(a > b, cities[row], partners[row])
    pick = np.where(a == b, 3 * col + a - 1, 3 * width + stronger * width + col)
    flat = [texts[i] for i in pick.tolist()]
    bounds = np.r_[0, np.cumsum(counts)].tolist()
    return [flat[start:stop] for start, stop in pairwise(bounds)]


def _joined(first: np.ndarray, second: np.ndarray, slugs: Sequence[str]) -> list[str]:
    """Per row, the English list of the slugs (columns) set in both, "" when none."""
    both = (first > 0) & (second > 0)
    if not both.shape[1]:
        return [""] * both.shape[0]
    # Rows packed into bytes: each distinct set is named once.
    packed = np.ascontiguousarray(np.packbits(both, axis=1))
    keys = packed.view(np.dtype((np.void, packed.shape[1]))).ravel()
    _, first_row, inverse = np.unique(keys, return_index=True, return_inverse=True)
    names = [
        join_words(english_label(slugs[j]) for j in np.flatnonzero(both[r]).tolist())
        if both[r].any()
        else ""
        for r in first_row.tolist()
    ]
    return [names[i] for i in inverse.ravel().tolist()]
