"""Which partners could be in a city's exact top k, found with one pass over all pairs.

The pass scores every needed (row city, column city) pair once, a block of rows at a
time and tile by tile, in float32. Scores are symmetric, so the same tiles rank both
sides: each row's partners from the block's own scores, each column's partners from
chunk maxima (the best score in each run of ``h`` rows) kept across blocks, whose best
chunks are then rescored. Per city only a few pairs survive, to be scored exactly later.

Nothing that belongs in the top k is lost. A city's k-th best chunk maximum is a lower
bound of its k-th best score, and a pair is kept when it comes within MARGIN of that
bound. MARGIN covers the float32 error twice (one score over-, another under-estimated)
plus the 0.1 by which rounding to one decimal can move two scores apart. So every pair
left out scores, once rounded, strictly below the city's k-th suggestion: neither a
better score nor a tie broken by partner id is dropped.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from .blocks import APPROX_ERROR, BlockScorer
from .components import SCORE_DECIMALS
from .threads import run_parallel, single_threaded_blas

MARGIN = 10.0**-SCORE_DECIMALS + 2 * APPROX_ERROR + 1e-6
_MAX_CHUNK = 32
Pairs = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Side:
    """Cities ranked on one side, and a scorer whose partners are the other side.

    The first ``pool`` of ``scorer.partners`` are the eligible (approved) partners. When
    both sides are searched together, each side's cities are the other's partners, pool
    first, in the same order.
    """

    cities: np.ndarray
    scorer: BlockScorer
    pool: int


def chunk_size(n_partners: int, k: int) -> int:
    """A power of two: long enough to skip most pairs, short enough to leave >= 4k chunks."""
    size = 1
    while size * 2 <= min(_MAX_CHUNK, n_partners // (4 * max(k, 1))):
        size *= 2
    return size


def search(
    rows: Side,
    cols: Side | None,
    k: int,
    block_rows: int = 256,
    tile_cols: int = 512,
    threads: int = 1,
) -> tuple[Pairs, Pairs | None]:
    """Candidate (position in side.cities, position in side.scorer.partners) pairs per side.

    Put the larger side in rows: rows are ranked from stored block scores, columns by
    rescoring their best chunks.
    """
    w = chunk_size(rows.pool, k)
    h = chunk_size(cols.pool, k) if cols is not None else 1
    r, c = h * math.ceil(block_rows / h), w * math.ceil(tile_cols / w)
    shared = cols.pool if cols is not None else 0  # rows that are the columns' partners
    col_max = np.full((math.ceil(shared / h), len(cols.cities) if cols else 0), -np.inf, np.float32)

    def block(span: tuple[int, int]) -> Pairs:
        return _block(rows, span, span[1] <= shared, k, w, h, c, col_max)

    # Tiles are small: our threads share them, BLAS stays on one thread.
    with single_threaded_blas():
        found = run_parallel(
            block, _spans(0, shared, r) + _spans(shared, len(rows.cities), r), threads
        )
        found_rows = _concatenate(found)
        found_cols = None
        if cols is not None:
            maxima = np.ascontiguousarray(col_max.T)
            found_cols = _rescore_chunks(maxima, h, _chunk_span(shared, h, r), cols, k, threads)
    return found_rows, found_cols


def _block(
    rows: Side,
    span: tuple[int, int],
    in_pool: bool,
    k: int,
    w: int,
    h: int,
    c: int,
    col_max: np.ndarray,
) -> Pairs:
    """Score one block of rows against every tile; return the rows' candidates.

    Tile chunks are strided (row chunk s of a tile c wide holds its columns s, s + c/w,
    ...), so chunk maxima are log2(w) halving folds of contiguous memory.
    """
    start, stop = span
    n = stop - start
    height = h * math.ceil(n / h) if in_pool else n
    q = rows.scorer.queries(rows.cities[start:stop])
    tiles = _spans(0, rows.pool, c)
    stored = np.empty((len(tiles), height * c), dtype=np.float32)
    widths = np.array([w * math.ceil((b - a) / w) for a, b in tiles], dtype=np.intp)
    row_max = np.empty((n, int(widths.sum()) // w), dtype=np.float32)
    scratch = np.empty(2 * height * c, dtype=np.float32)
    if in_pool:
        tiles = tiles + _spans(rows.pool, len(rows.scorer), c)
        extra = np.empty(height * c, dtype=np.float32)
    for t, (a, b) in enumerate(tiles):
        ranks_rows = t < len(widths)
        width = int(widths[t]) if ranks_rows else b - a
        scores = (stored[t] if ranks_rows else extra)[: height * width].reshape(height, width)
        if height > n:
            scores[n:] = -np.inf
        if width > b - a:
            scores[:, b - a :] = -np.inf
        rows.scorer.score(q, a, b, scores[:n, : b - a], scratch=scratch)
        if in_pool:
            col_max[start // h : start // h + height // h, a:b] = _fold(
                scores[:, : b - a], h, 0, scratch[: height * c]
            )
        if ranks_rows:
            row_max[:, a // w : a // w + width // w] = _fold(
                scores[:n], w, 1, scratch[height * c :]
            )
    if not len(tiles) or not rows.pool:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    # The rows' best chunks, read back from the stored tiles.
    city, chunk, threshold = _best_chunks(row_max, min(k, rows.pool))
    tile, offset = np.divmod(chunk, c // w)
    stride = widths[tile] // w
    column = offset[:, None] + stride[:, None] * np.arange(w)
    values = stored[tile[:, None], city[:, None] * widths[tile][:, None] + column]
    row, position = _reaching(values, threshold)
    return city[row] + start, (tile * c)[row] + column.ravel()[position]


def _rescore_chunks(
    maxima: np.ndarray,
    chunk: int,
    span_of: Callable[[int], tuple[int, int, int]],
    side: Side,
    k: int,
    threads: int,
) -> Pairs:
    """Rescore each city's best chunks of partners; keep the pairs within MARGIN."""
    n = maxima.shape[0]
    if not n or not side.pool:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    city, chunk_id, threshold = _best_chunks(maxima, min(k, side.pool))
    values = np.full((len(city), chunk), -np.inf, dtype=np.float32)
    partner = np.zeros((len(city), chunk), dtype=np.intp)
    order = np.argsort(chunk_id, kind="stable")
    ids = chunk_id[order]
    edges = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1], True])

    def rescore(group: tuple[int, int]) -> None:
        members = order[group[0] : group[1]]
        start, stop, step = span_of(int(chunk_id[members[0]]))
        count = len(range(start, stop, step))
        out = np.empty((len(members), count), dtype=np.float32)
        side.scorer.score(side.scorer.queries(side.cities[city[members]]), start, stop, out, step)
        values[members, :count] = out
        partner[members, :count] = np.arange(start, stop, step)

    run_parallel(rescore, list(pairwise(edges)), threads)
    row, position = _reaching(values, threshold)
    return city[row], partner.ravel()[position]


def _best_chunks(maxima: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(city, chunk, threshold) for the chunks whose maximum reaches the city's threshold:
    its k-th best chunk maximum (a lower bound of its k-th best score) less MARGIN."""
    n_chunks = maxima.shape[1]
    threshold = np.partition(maxima, n_chunks - k, axis=1)[:, n_chunks - k] - MARGIN
    city, chunk = np.nonzero(maxima >= threshold[:, None])
    return city, chunk, threshold[city]


def _reaching(values: np.ndarray, threshold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, flat position) of the values at or above their row's threshold."""
    row, column = np.nonzero(values >= threshold[:, None])
    return row, row * values.shape[1] + column


def _fold(values: np.ndarray, times: int, axis: int, buffer: np.ndarray) -> np.ndarray:
    """Maxima over strided chunks: fold in half along axis, log2(times) times.

    Element s of the result is the maximum over s, s + n/times, s + 2n/times, ... The
    first fold writes into buffer, so values is left as it was.
    """
    while times > 1:
        if axis == 0:
            half = values.shape[0] // 2
            low, high = values[:half], values[half:]
        else:
            half = values.shape[1] // 2
            low, high = values[:, :half], values[:, half:]
        out = low
        if buffer is not None:
            out, buffer = buffer[: low.size].reshape(low.shape), None
        np.maximum(low, high, out=out)
        values, times = out, times // 2
    return values


def _chunk_span(pool: int, chunk: int, tile: int) -> Callable[[int], tuple[int, int, int]]:
    """Chunk id -> (start, stop, step) of its partners, as _block laid the chunks out."""
    per_tile = tile // chunk

    def span(chunk_id: int) -> tuple[int, int, int]:
        index, offset = divmod(chunk_id, per_tile)
        a = index * tile
        b = min(a + tile, pool)
        return a + offset, b, math.ceil((b - a) / chunk)

    return span


def _spans(start: int, stop: int, step: int) -> list[tuple[int, int]]:
    return [(a, min(a + step, stop)) for a in range(start, stop, step)]


def _concatenate(found: list[Pairs]) -> Pairs:
    if not found:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    return np.concatenate([f for f, _ in found]), np.concatenate([p for _, p in found])
