"""The score's components, computed exactly (float64) for lists of pairs.

Every reported score comes from here, whatever asked for it (ranking, one pair, a cohort
plan, learning), and each formula is symmetric term by term, so a pair scores the same
whichever side is East and whatever path computed it.
"""

import math
from dataclasses import asdict, dataclass

import numpy as np

from matching.engine.features import ProfileMatrices
from matching.engine.threads import run_parallel

COMPONENTS = ("challenges", "population", "themes", "text", "language")
#: Always computed and reported; the others only when their weight is above zero.
CORE_COMPONENTS = ("challenges", "population", "themes")

SCORE_DECIMALS = 1
COMPONENT_DECIMALS = 4
#: A city four times the size of another gets half the population component.
DEFAULT_POPULATION_SCALE = 4.0
_CHUNK = 1 << 15


@dataclass(frozen=True)
class Weights:
    """Relative weights of the components; the score is 100 x their weighted mean.

    Defaults: shared challenges carry most (0.45) because they are why two cities learn
    from each other; culture themes offered and sought follow (0.35); population (0.2)
    only keeps peers comparable. Text and language are off until staff turn them on:
    descriptions are often boilerplate, and nearly every city works in English.
    """

    challenges: float = 0.45
    population: float = 0.20
    themes: float = 0.35
    text: float = 0.0
    language: float = 0.0

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            try:
                number = float(value)  # settings may hold Decimals or numpy numbers
            except (TypeError, ValueError):
                number = math.nan
            if isinstance(value, bool) or not (math.isfinite(number) and number >= 0):
                raise ValueError(f"weight {name!r} must be a finite number >= 0, got {value!r}")
            object.__setattr__(self, name, number)
        if sum(asdict(self).values()) <= 0:
            raise ValueError("at least one weight must be above zero")

    def normalised(self) -> dict[str, float]:
        """Weights summing to 1, in COMPONENTS order."""
        total = sum(asdict(self).values())
        return {name: getattr(self, name) / total for name in COMPONENTS}

    def reported(self) -> tuple[str, ...]:
        """The components a suggestion reports: the core three, plus optional ones in use."""
        return tuple(c for c in COMPONENTS if c in CORE_COMPONENTS or getattr(self, c) > 0)


def population_rate(scale: float) -> float:
    """Decay per unit of |log ratio| so that a ratio of ``scale`` halves the component."""
    if not (math.isfinite(scale) and scale >= 1.5):
        raise ValueError(f"population_scale must be a finite number >= 1.5, got {scale!r}")
    return math.log(2) / math.log(scale)


def population_similarity(
    a: np.ndarray | float, b: np.ndarray | float, scale: float = DEFAULT_POPULATION_SCALE
) -> np.ndarray:
    """exp(-rate x |log(a/b)|): 1 at equal size, halving each time the ratio grows by scale.

    Laplace-shaped, so it falls strictly from the first step away from equal size (a
    Gaussian would be flat there and underflow far out); log1p keeps near-equal sizes apart.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    return np.exp(-population_rate(scale) * np.log1p((high - low) / low))


def pair_components(
    m: ProfileMatrices,
    rows: np.ndarray,
    cols: np.ndarray,
    names: tuple[str, ...],
    population_scale: float = DEFAULT_POPULATION_SCALE,
    threads: int = 1,
) -> np.ndarray:
    """Components (len(pairs) x len(names)) of the pairs (rows[i], cols[i]), in float64.

    Each pair is computed on its own, so the result does not depend on the batch or on
    how threads share it.
    """
    rows = np.asarray(rows, dtype=np.intp)
    cols = np.asarray(cols, dtype=np.intp)
    out = np.empty((len(rows), len(names)), dtype=np.float64)

    def chunk(start: int) -> None:
        r, c = rows[start : start + _CHUNK], cols[start : start + _CHUNK]
        block = out[start : start + _CHUNK]
        for j, name in enumerate(names):
            if name == "challenges":
                block[:, j] = _challenges(m, r, c)
            elif name == "population":
                block[:, j] = population_similarity(
                    m.population[r], m.population[c], population_scale
                )
            elif name == "themes":
                block[:, j] = _themes(m, r, c)
            elif name == "language":
                block[:, j] = (m.languages[r] * m.languages[c]).sum(axis=1) > 0
            elif name == "text":
                block[:, j] = _text(m, r, c)
            else:
                raise ValueError(f"unknown component {name!r}")

    run_parallel(chunk, range(0, len(rows), _CHUNK), threads)
    return out


def total_score(components: np.ndarray, names: tuple[str, ...], weights: Weights) -> np.ndarray:
    """100 x the weighted mean, summed in a fixed order so equal inputs give equal floats."""
    share = weights.normalised()
    total = np.zeros(components.shape[0], dtype=np.float64)
    for j, name in enumerate(names):
        total += share[name] * components[:, j]
    return 100.0 * total


def round_scores(scores: np.ndarray) -> np.ndarray:
    """Scores as reported: one decimal, so that equal-looking scores are real ties."""
    return np.round(scores, SCORE_DECIMALS)


def round_components(components: np.ndarray) -> np.ndarray:
    return np.round(components, COMPONENT_DECIMALS)


def _challenges(m: ProfileMatrices, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    # Each city's share of its own IDF-weighted challenge mass that the other also faces,
    # averaged over the two. Adding a challenge to both adds the same mass to each share's
    # numerator and denominator, so neither share, nor their mean, can fall (cosine or a
    # weighted Jaccard could). Bilinear in per-city features, hence one matrix product.
    mine = _rowdot(_rows(m.challenge_share, r), _rows(m.challenge_present, c))
    theirs = _rowdot(_rows(m.challenge_present, r), _rows(m.challenge_share, c))
    return np.minimum((mine + theirs) * 0.5, 1.0)


def _themes(m: ProfileMatrices, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    # Learning both ways: the share of what each city seeks that the other offers, averaged,
    # so a pair where both can learn beats one where only one can.
    to_c = _rowdot(_rows(m.offers, r), _rows(m.sought_share, c))
    to_r = _rowdot(_rows(m.sought_share, r), _rows(m.offers, c))
    return np.minimum((to_c + to_r) * 0.5, 1.0)


def _rows(matrix: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """matrix[indices], the same values: np.take copies rows 3x faster than indexing."""
    return np.take(matrix, indices, axis=0)


def _rowdot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-by-row dot products; each row sums the same way whatever the batch."""
    return np.einsum("ij,ij->i", a, b)


def _text(m: ProfileMatrices, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    if m.text is None:
        raise ValueError("text similarity needs a scorer fitted with a text weight above zero")
    cosine = np.asarray(m.text[r].multiply(m.text[c]).sum(axis=1)).ravel()
    return np.clip(cosine, 0.0, 1.0)
