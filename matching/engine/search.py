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
import threading
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from .blocks import APPROX_ERROR, BlockScorer
from .components import SCORE_DECIMALS
from .threads import run_parallel, single_threaded_blas

MARGIN = 10.0**-SCORE_DECIMALS + 2 * APPROX_ERROR + 1e-6
# Longest chunks (measured): folds along rows cost more per halving than along columns.
ROW_CHUNK, COLUMN_CHUNK = 16, 32
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


def chunk_size(n_partners: int, k: int, longest: int = COLUMN_CHUNK) -> int:
    """A power of two: long enough to skip most pairs, short enough to leave >= 4k chunks."""
    size = 1
    while size * 2 <= min(longest, n_partners // (4 * max(k, 1))):
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
    w = chunk_size(rows.pool, k, ROW_CHUNK)
    h = chunk_size(cols.pool, k, COLUMN_CHUNK) if cols is not None else 1
    r, c = h * math.ceil(block_rows / h), w * math.ceil(tile_cols / w)
    shared = cols.pool if cols is not None else 0  # rows that are the columns' partners
    col_max = np.full((math.ceil(shared / h), len(cols.cities) if cols else 0), -np.inf, np.float32)

    # Each thread reuses its buffers from block to block: fresh large arrays would cost
    # a page fault per page every time.
    workspace = threading.local()

    def block(span: tuple[int, int]) -> Pairs:
        return _block(rows, span, span[1] <= shared, k, w, h, c, col_max, workspace)

    # Tiles are small: our threads share them, BLAS stays on one thread.
    with single_threaded_blas():
        found = run_parallel(
            block, _spans(0, shared, r) + _spans(shared, len(rows.cities), r), threads
        )
        found_rows = _concatenate(found)
        found_cols = None
        if cols is not None:
            maxima = np.ascontiguousarray(col_max.T)
            found_cols = _rescore_chunks(maxima, h, r, cols, k, threads)
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
    workspace: threading.local,
) -> Pairs:
    """Score one block of rows against every tile; return the rows' candidates.

    Tile chunks are strided (row chunk s of a tile c wide holds its columns s, s + c/w,
    ...), so chunk maxima are log2(w) halving folds: a few vectorised maxima per tile,
    not one short loop per chunk.
    """
    start, stop = span
    n = stop - start
    height = h * math.ceil(n / h) if in_pool else n
    q = rows.scorer.queries(rows.cities[start:stop])
    tiles = _spans(0, rows.pool, c)
    stored = _buffer(workspace, "stored", len(tiles) * height * c).reshape(len(tiles), height * c)
    widths = np.array([w * math.ceil((b - a) / w) for a, b in tiles], dtype=np.intp)
    row_max = np.empty((n, int(widths.sum()) // w), dtype=np.float32)
    scratch = _buffer(workspace, "scratch", 2 * height * c)
    if in_pool:
        tiles = tiles + _spans(rows.pool, len(rows.scorer), c)
        extra = _buffer(workspace, "extra", height * c)
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
    start_of = tile * stored.shape[1] + city * widths[tile]
    values = np.take(stored.ravel(), start_of[:, None] + column)
    row, position = _reaching(values, threshold)
    return city[row] + start, (tile * c)[row] + column.ravel()[position]


def _rescore_chunks(maxima: np.ndarray, h: int, r: int, side: Side, k: int, threads: int) -> Pairs:
    """Rescore each city's best chunks of partners; keep the pairs reaching the threshold.

    Chunk ids are block * (r / h) + offset, as _block laid them out: chunk offset of a
    block holds its rows offset, offset + step, ... Cities are rescored block by block,
    against the whole block in one product: more pairs than the chunks hold, but a few
    large products cost less than many small ones.
    """
    n = maxima.shape[0]
    if not n or not side.pool:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    city, chunk_id, threshold = _best_chunks(maxima, min(k, side.pool))
    block_of, offset = np.divmod(chunk_id, r // h)
    values = np.empty((len(city), h), dtype=np.float32)
    partner = np.empty((len(city), h), dtype=np.intp)
    order = np.argsort(block_of, kind="stable")
    blocks = block_of[order]
    edges = np.flatnonzero(np.r_[True, blocks[1:] != blocks[:-1], True])

    def rescore(group: tuple[int, int]) -> None:
        members = order[group[0] : group[1]]
        a = int(block_of[members[0]]) * r
        b = min(a + r, side.pool)
        cities, position = np.unique(city[members], return_inverse=True)
        out = np.empty((len(cities), b - a), dtype=np.float32)
        side.scorer.score(side.scorer.queries(side.cities[cities]), a, b, out)
        column = offset[members, None] + math.ceil((b - a) / h) * np.arange(h)
        inside = column < b - a
        column = np.minimum(column, b - a - 1)
        values[members] = np.where(inside, out[position[:, None], column], -np.inf)
        partner[members] = a + column

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


def _buffer(workspace: threading.local, name: str, size: int) -> np.ndarray:
    """A float32 buffer of this thread's, grown when too small."""
    buffer = getattr(workspace, name, None)
    if buffer is None or buffer.size < size:
        buffer = np.empty(size, dtype=np.float32)
        setattr(workspace, name, buffer)
    return buffer[:size]


def _spans(start: int, stop: int, step: int) -> list[tuple[int, int]]:
    return [(a, min(a + step, stop)) for a in range(start, stop, step)]


def _concatenate(found: list[Pairs]) -> Pairs:
    if not found:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    return np.concatenate([f for f, _ in found]), np.concatenate([p for _, p in found])
