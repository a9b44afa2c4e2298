"""Float32 scores for a block of cities against a run of partners: mostly one product.

Used only to find candidates; every score the engine reports is recomputed exactly in
components.py. The operands are block_features.py's. Callers sort cities by population
so that almost every tile pairs a block with partners all smaller or all larger, where
the population kernel rides along in the product as one extra column; only the runs of
partners whose sizes overlap the block's pay a few elementwise passes.
"""

from collections.abc import Callable, Iterator, Sequence
from itertools import groupby, pairwise

import numpy as np

from matching.engine.block_features import BlockFeatures, QueryBlock
from matching.engine.components import Weights
from matching.engine.features import ProfileMatrices

#: Bound on |float32 - float64| of a score on the 0-100 scale (measured: about 1e-4).
APPROX_ERROR = 0.005


class BlockScorer:
    """Approximate weighted scores (0-100) of any cities against a fixed list of partners."""

    def __init__(
        self, m: ProfileMatrices, weights: Weights, population_scale: float, partners: np.ndarray
    ):
        self.features = BlockFeatures(m, weights, population_scale, partners)
        self.partners = self.features.partners
        self.width = self.features.width
        self.population_weight = self.features.population_weight
        self.language_weight = self.features.language_weight
        self.uses_text = self.features.uses_text
        self._ranges: dict[tuple[int, int, int], tuple[list[float], list[float]]] = {}

    def __len__(self) -> int:
        return len(self.partners)

    def queries(self, cities: np.ndarray) -> QueryBlock:
        """Gather the query side for these profile indices."""
        return self.features.queries(cities)

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
        self._score(q, cols, out, scratch, lambda matrix: matrix[:, cols])

    def score_at(self, q: QueryBlock, positions: np.ndarray, out: np.ndarray) -> None:
        """Write approximate scores of q x partners[positions] into out (n x len(positions))."""
        cols = np.asarray(positions, dtype=np.intp)
        self._score(q, cols, out, None, lambda matrix: matrix[:, cols])

    def score_runs(
        self, q: QueryBlock, bounds: Sequence[int], positions: np.ndarray, counts: Sequence[int]
    ) -> Iterator[np.ndarray]:
        """Approximate scores of runs of q's cities, each against partners of its own: run
        i is cities bounds[i]:bounds[i + 1] x partners[positions[i, :counts[i]]].

        For many small runs (cities sharing a chunk of partners): the partner side is
        gathered once for all runs, and each run costs two products and their minimum
        (the population kernel is the smaller of its two rank-one forms, whatever the
        sizes, and the other terms are the same in both).
        """
        smaller = np.ascontiguousarray(self.features.p_smaller[:, positions].transpose(1, 0, 2))
        if self.population_weight > 0:
            larger = np.ascontiguousarray(self.features.p_larger[:, positions].transpose(1, 0, 2))
        extras = self.language_weight > 0 or self.uses_text
        for i, (start, stop) in enumerate(pairwise(bounds)):
            count = counts[i]
            if self.population_weight == 0:
                out = q.smaller[start:stop, :-1] @ smaller[i, :-1, :count]
            else:
                out = q.smaller[start:stop] @ smaller[i, :, :count]
                np.minimum(out, q.larger[start:stop] @ larger[i, :, :count], out=out)
            if extras:
                cols = positions[i, :count]
                self._extras(
                    q.part(start, stop),
                    cols,
                    out,
                    np.empty(2 * out.size, dtype=np.float32),
                    lambda matrix, cols=cols: matrix[:, cols],
                    lambda dense: dense,
                )
            yield out

    def score_chunked(
        self,
        q: QueryBlock,
        start: int,
        stop: int,
        out: np.ndarray,
        scratch: np.ndarray | None = None,
    ) -> None:
        """Scores of q x partners[start:stop] by strided chunk: out[j, i, s] is city i
        against partner start + j x cw + s, out being (w, n, cw); -inf past stop.

        Chunk s (partners s, s + cw, ...) is then a maximum over the first axis: one
        vectorised pass, where chunks along a row would take a fold per halving.
        """
        chunks, n, width = out.shape
        size = stop - start
        if chunks * width < size:
            raise ValueError("out holds fewer than stop - start partners")
        if scratch is None:
            scratch = np.empty(2 * out.size, dtype=np.float32)
        if size > 0:
            # Each slice j is its own run of partners, all smaller, all larger or
            # overlapping the cities in size. Partners sorted by size leave few of the
            # last kind, the only one that pays for the elementwise kernel.
            low, high = self._log_ranges(start, stop, width)
            kinds = [
                0 if hi <= q.smallest else 1 if lo >= q.largest else 2
                for lo, hi in zip(low, high, strict=True)
            ]
            if self.population_weight == 0:
                kinds = [0] * len(kinds)
            j0 = 0
            for _, run in groupby(kinds):
                j1 = j0 + len(list(run))
                part = out[j0:j1]
                self._product(
                    q,
                    part,
                    scratch[: 2 * part.size],
                    lambda matrix, j0=j0, j1=j1: _chunked(matrix, start, stop, chunks, width)[
                        j0:j1
                    ],
                    min(low[j0:j1]),
                    max(high[j0:j1]),
                )
                j0 = j1

            def spread(dense: np.ndarray) -> np.ndarray:
                padded = np.zeros((n, chunks * width), dtype=np.float32)
                padded[:, :size] = dense
                return padded.reshape(n, chunks, width).transpose(1, 0, 2)

            self._extras(
                q,
                slice(start, stop),
                out,
                scratch,
                lambda matrix: _chunked(matrix, start, stop, chunks, width),
                spread,
            )
        full, rest = divmod(size, width)
        out[full + 1 :] = -np.inf
        if full < chunks:
            out[full, :, rest:] = -np.inf

    def _log_ranges(self, start: int, stop: int, width: int) -> tuple[list[float], list[float]]:
        """Least and greatest log size of each run of width partners in start:stop.

        The same runs come back block after block: kept, they cost a look-up.
        """
        key = (start, stop, width)
        found = self._ranges.get(key)
        if found is None:
            logs, firsts = self.features.p_log[start:stop], range(0, stop - start, width)
            found = (
                np.minimum.reduceat(logs, firsts).tolist(),
                np.maximum.reduceat(logs, firsts).tolist(),
            )
            if len(self._ranges) >= 4096:  # many block heights asked for: start afresh
                self._ranges.clear()
            self._ranges[key] = found
        return found

    def _score(
        self,
        q: QueryBlock,
        cols: slice | np.ndarray,
        out: np.ndarray,
        scratch: np.ndarray | None,
        take: Callable[[np.ndarray], np.ndarray],
    ) -> None:
        if scratch is None:
            scratch = np.empty(2 * out.size, dtype=np.float32)
        logs = self.features.p_log[cols]
        low, high = logs.min(initial=np.inf), logs.max(initial=-np.inf)
        self._product(q, out, scratch, take, low, high)
        self._extras(q, cols, out, scratch, take, lambda dense: dense)

    def _product(
        self,
        q: QueryBlock,
        out: np.ndarray,
        scratch: np.ndarray,
        take: Callable[[np.ndarray], np.ndarray],
        low: float,
        high: float,
    ) -> None:
        """Challenges, themes and population into out, for partners of log sizes low-high;
        take gives the partner-side operand in out's layout."""
        f = self.features
        a = scratch[: out.size].reshape(out.shape)
        b = scratch[out.size : 2 * out.size].reshape(out.shape)
        if self.population_weight == 0:
            np.matmul(q.smaller[:, :-1], take(f.p_smaller[:-1]), out=out)
        elif high <= q.smallest:
            np.matmul(q.smaller, take(f.p_smaller), out=out)
        elif low >= q.largest:
            np.matmul(q.larger, take(f.p_larger), out=out)
        else:
            # Sizes overlap: the kernel is the smaller of the two rank-one products.
            np.matmul(q.smaller[:, :-1], take(f.p_smaller[:-1]), out=out)
            np.multiply(q.smaller[:, -1:], take(f.p_smaller[-1:]), out=a)
            np.multiply(q.larger[:, -1:], take(f.p_larger[-1:]), out=b)
            np.minimum(a, b, out=a)
            out += a

    def _extras(
        self,
        q: QueryBlock,
        cols: slice | np.ndarray,
        out: np.ndarray,
        scratch: np.ndarray,
        take: Callable[[np.ndarray], np.ndarray],
        spread: Callable[[np.ndarray], np.ndarray],
    ) -> None:
        """The optional components: language, and text (a sparse product, computed as
        cities x partners and spread into out's layout)."""
        if self.language_weight > 0:
            a = scratch[: out.size].reshape(out.shape)
            np.matmul(q.languages, take(self.features.p_languages), out=a)
            np.minimum(a, self.language_weight, out=a)
            out += a
        if self.uses_text:
            out += spread((q.text @ self.features.p_text[:, cols]).toarray())


def _chunked(matrix: np.ndarray, start: int, stop: int, chunks: int, width: int) -> np.ndarray:
    """matrix[:, start:start + chunks x width] as (chunks, rows, width); past stop the
    columns are other partners' or zeros: the caller overwrites those scores."""
    end = start + chunks * width
    if end <= matrix.shape[1]:
        part = matrix[:, start:end]
    else:
        part = np.zeros((matrix.shape[0], chunks * width), dtype=matrix.dtype)
        part[:, : stop - start] = matrix[:, start:stop]
    return part.reshape(matrix.shape[0], chunks, width).transpose(1, 0, 2)
