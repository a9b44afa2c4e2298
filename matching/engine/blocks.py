"""Float32 scores for a block of cities against a run of partners: mostly one product.

Used only to find candidates; every score the engine reports is recomputed exactly in
components.py. The challenge and theme components are bilinear in per-city features, so
with the weights folded in they are a single matrix product. The population kernel
exp(-rate |log p - log q|) is the rank-one product p^rate x q^-rate whenever every
partner in the run is smaller than every city in the block (and q^rate x p^-rate when
larger); callers sort cities by population so that almost every tile is such a case and
the kernel rides along in the product as one extra column. Only tiles whose population
ranges overlap pay a few elementwise passes.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .components import Weights, population_rate
from .features import ProfileMatrices

#: Bound on |float32 - float64| of a score on the 0-100 scale (measured: about 1e-4).
APPROX_ERROR = 0.005


@dataclass(frozen=True)
class QueryBlock:
    """Query-side features of some cities, weights folded in, gathered once per block."""

    smaller: np.ndarray  # (r, W+1): features, then weight x p^-rate (partners smaller)
    larger: np.ndarray  # (r, W+1): features, then weight x p^rate (partners larger)
    log_population: np.ndarray  # (r,) float64
    languages: np.ndarray  # (r, l) x weight
    text: sparse.csr_matrix | None

    def __len__(self) -> int:
        return self.smaller.shape[0]


class BlockScorer:
    """Approximate weighted scores (0-100) of any cities against a fixed list of partners."""

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
        self._log = logs
        f32 = np.float32
        # Per-city halves of the bilinear forms; see components._challenges and _themes.
        own_share, present = m.challenge_share, m.challenge_present
        sought_share = m.sought_share
        wc, wt, wp = share["challenges"] / 2, share["themes"] / 2, share["population"]
        core = np.hstack([wc * own_share, wc * present, wt * m.offers, wt * sought_share])
        self._q_smaller = np.hstack([core, (wp * np.exp(-rate * logs))[:, None]]).astype(f32)
        self._q_larger = np.hstack([core, (wp * np.exp(rate * logs))[:, None]]).astype(f32)
        self._q_languages = (m.languages * share["language"]).astype(f32)
        p = self.partners
        p_core = np.hstack([present, own_share, sought_share, m.offers])[p]
        self.width = p_core.shape[1] + (1 if wp > 0 else 0)
        self._p_smaller = _transposed(np.hstack([p_core, np.exp(rate * logs[p])[:, None]]))
        self._p_larger = _transposed(np.hstack([p_core, np.exp(-rate * logs[p])[:, None]]))
        self._p_log = logs[p]
        self._p_languages = _transposed(m.languages[p])
        self._q_text = self._p_text = None
        if self.uses_text:
            self._q_text = sparse.csr_matrix(m.text * share["text"], dtype=f32)
            self._p_text = sparse.csc_matrix(m.text[p].T, dtype=f32)

    def __len__(self) -> int:
        return len(self.partners)

    def queries(self, cities: np.ndarray) -> QueryBlock:
        """Gather the query side for these profile indices."""
        return QueryBlock(
            smaller=self._q_smaller[cities],
            larger=self._q_larger[cities],
            log_population=self._log[cities],
            languages=self._q_languages[cities],
            text=None if self._q_text is None else self._q_text[cities],
        )

    def score(
        self,
        q: QueryBlock,
        start: int,
        stop: int,
        out: np.ndarray,
        step: int = 1,
        scratch: np.ndarray | None = None,
    ) -> None:
        """Write approximate scores of q x partners[start:stop:step] into out.

        scratch, if given, is a float32 buffer of at least 2 x out.size reused between
        calls: fresh large temporaries would cost a page fault per page on every tile.
        """
        cols = slice(start, stop, step)
        if scratch is None:
            scratch = np.empty(2 * out.size, dtype=np.float32)
        a = scratch[: out.size].reshape(out.shape)
        b = scratch[out.size : 2 * out.size].reshape(out.shape)
        logs = self._p_log[cols]
        if self.population_weight == 0:
            np.matmul(q.smaller[:, :-1], self._p_smaller[:-1, cols], out=out)
        elif logs.max(initial=-np.inf) <= q.log_population.min():
            np.matmul(q.smaller, self._p_smaller[:, cols], out=out)
        elif logs.min(initial=np.inf) >= q.log_population.max():
            np.matmul(q.larger, self._p_larger[:, cols], out=out)
        else:
            # Sizes overlap: the kernel is the smaller of the two rank-one products.
            np.matmul(q.smaller[:, :-1], self._p_smaller[:-1, cols], out=out)
            np.multiply(q.smaller[:, -1:], self._p_smaller[-1, cols], out=a)
            np.multiply(q.larger[:, -1:], self._p_larger[-1, cols], out=b)
            np.minimum(a, b, out=a)
            out += a
        if self.language_weight > 0:
            np.matmul(q.languages, self._p_languages[:, cols], out=a)
            np.minimum(a, self.language_weight, out=a)
            out += a
        if self.uses_text:
            out += (q.text @ self._p_text[:, cols]).toarray()


def _transposed(matrix: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(matrix.T, dtype=np.float32)
