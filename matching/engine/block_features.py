"""The float32 features of block scoring: each side's half of the score, weights folded in.

The challenge and theme components are bilinear in per-city features, so with the weights
folded in they are a single matrix product. The population kernel exp(-rate |log p - log
q|) is the rank-one product p^rate x q^-rate whenever every partner in a run is smaller
than every city in the block (and q^rate x p^-rate when larger): each side carries both
forms as one extra column, and blocks.py picks the one that holds.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from matching.engine.components import Weights, population_rate
from matching.engine.features import ProfileMatrices


@dataclass(frozen=True)
class QueryBlock:
    """Query-side features of some cities, weights folded in, gathered once per block."""

    smaller: np.ndarray  # (r, W+1): features, then weight x p^-rate (partners smaller)
    larger: np.ndarray  # (r, W+1): features, then weight x p^rate (partners larger)
    log_population: np.ndarray  # (r,) float64
    smallest: float  # log_population's least (inf when empty) and greatest (-inf)
    largest: float
    languages: np.ndarray  # (r, l) x weight; no rows when the weight is 0 (never read)
    text: sparse.csr_matrix | None

    def __len__(self) -> int:
        return self.smaller.shape[0]

    def part(self, start: int, stop: int) -> "QueryBlock":
        """Cities start:stop of the block, as views: no gathering again."""
        logs = self.log_population[start:stop]
        return QueryBlock(
            smaller=self.smaller[start:stop],
            larger=self.larger[start:stop],
            log_population=logs,
            smallest=float(logs.min(initial=np.inf)),
            largest=float(logs.max(initial=-np.inf)),
            languages=self.languages[start:stop],
            text=None if self.text is None else self.text[start:stop],
        )


class BlockFeatures:
    """Query-side features of every city and partner-side ones of a fixed list of partners.

    Partner-side arrays are transposed (features x partners), so that a run of partners
    is a slice of columns. Weights are on the 0-100 scale of a score.
    """

    def __init__(
        self, m: ProfileMatrices, weights: Weights, population_scale: float, partners: np.ndarray
    ):
        share = {name: 100.0 * value for name, value in weights.normalised().items()}
        self.partners = np.asarray(partners, dtype=np.intp)
        self.population_weight = share["population"]
        self.language_weight = np.float32(share["language"])
        self.uses_text = share["text"] > 0 and m.text is not None
        rate = population_rate(population_scale)
        logs = np.log(m.population)
        self.log_population = logs
        f32 = np.float32
        # Per-city halves of the bilinear forms; see components._challenges and _themes.
        own_share, present = m.challenge_share, m.challenge_present
        sought_share = m.sought_share
        wc, wt, wp = share["challenges"] / 2, share["themes"] / 2, share["population"]
        core = np.hstack([wc * own_share, wc * present, wt * m.offers, wt * sought_share])
        self.q_smaller = np.hstack([core, (wp * np.exp(-rate * logs))[:, None]]).astype(f32)
        self.q_larger = np.hstack([core, (wp * np.exp(rate * logs))[:, None]]).astype(f32)
        self.q_languages = (m.languages * share["language"]).astype(f32)
        p = self.partners
        p_core = np.hstack([present, own_share, sought_share, m.offers])[p]
        #: The product's inner dimension: the features, and the population column if weighed.
        self.width = p_core.shape[1] + (1 if wp > 0 else 0)
        self.p_smaller = _transposed(np.hstack([p_core, np.exp(rate * logs[p])[:, None]]))
        self.p_larger = _transposed(np.hstack([p_core, np.exp(-rate * logs[p])[:, None]]))
        self.p_log = logs[p]
        self.p_languages = _transposed(m.languages[p])
        self.q_text = self.p_text = None
        if self.uses_text:
            self.q_text = sparse.csr_matrix(m.text * share["text"], dtype=f32)
            self.p_text = sparse.csc_matrix(m.text[p].T, dtype=f32)

    def queries(self, cities: np.ndarray) -> QueryBlock:
        """Gather the query side for these profile indices."""
        logs = self.log_population[cities]
        return QueryBlock(
            # np.take copies rows several times faster than indexing does.
            smaller=np.take(self.q_smaller, cities, axis=0),
            larger=np.take(self.q_larger, cities, axis=0),
            log_population=logs,
            smallest=float(logs.min(initial=np.inf)),
            largest=float(logs.max(initial=-np.inf)),
            languages=self.q_languages[cities if self.language_weight > 0 else slice(0)],
            text=None if self.q_text is None else self.q_text[cities],
        )


def _transposed(matrix: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(matrix.T, dtype=np.float32)
