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

import numpy as np

from matching.engine.blocks import APPROX_ERROR, BlockScorer
from matching.engine.components import SCORE_DECIMALS
from matching.engine.threads import run_parallel, single_threaded_blas

MARGIN = 10.0**-SCORE_DECIMALS + 2 * APPROX_ERROR + 1e-6
# Longest chunks (measured): longer row chunks save sorting work but read back more
# scores per chosen chunk (8 and 32 were slower than 16); longer column chunks halve
# the sorting and the runs to rescore, which cost more than the longer products.
ROW_CHUNK, COLUMN_CHUNK = 16, 64
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
    block_rows: int = 512,
    tile_cols: int = 256,
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
    # One row per chunk, one column per column city: each block writes rows of its own,
    # so threads never share a cache line of it (one row per city would make them).
    col_max = np.full((math.ceil(shared / h), len(cols.cities) if cols else 0), -np.inf, np.float32)

    # Each thread reuses its buffers from block to block: fresh large arrays would cost
    # a page fault per page every time.
    workspace = threading.local()

    def block(span: tuple[int, int]) -> Pairs:
        return _block(rows, span, span[1] <= shared, k, w, h, (c, r * c), col_max, workspace)

    # Tiles are small: our threads share them, BLAS stays on one thread.
    with single_threaded_blas():
        found = run_parallel(
            block, _spans(0, shared, r) + _spans(shared, len(rows.cities), r), threads
        )
        found_rows = _concatenate(found)
        found_cols = None
        if cols is not None:
            found_cols = _rescore_chunks(col_max.T, h, r, cols, k, threads)
    return found_rows, found_cols


def _block(
    rows: Side,
    span: tuple[int, int],
    in_pool: bool,
    k: int,
    w: int,
    h: int,
    tile: tuple[int, int],
    col_max: np.ndarray,
    workspace: threading.local,
) -> Pairs:
    """Score one block of rows against every tile; return the rows' candidates.

    A tile is laid out by strided chunk (see BlockScorer.score_chunked): w slices of
    (rows x c/w), so the rows' chunk maxima are one maximum over the slices. The
    columns' chunks are strided too (chunk s of a block of height rows holds its rows s,
    s + height/h, ...): one maximum over a middle axis.
    """
    start, stop = span
    n = stop - start
    height = h * math.ceil(n / h) if in_pool else n
    # tile is (width, area): a block of few rows (one city asked for, say) gets wider
    # tiles of the same area, so it pays for a few numpy calls rather than hundreds.
    c = w * math.ceil(max(tile[0], tile[1] // height) / w)
    q = rows.scorer.queries(rows.cities[start:stop])
    tiles = _spans(0, rows.pool, c)
    stored = _buffer(workspace, "stored", len(tiles) * height * c).reshape(len(tiles), height * c)
    widths = np.array([math.ceil((b - a) / w) for a, b in tiles], dtype=np.intp)
    # Tile by tile, each contiguous (a reduction into a strided view is 4x slower); chunks
    # past a short last tile stay -inf.
    row_max = np.full((len(widths), n, c // w), -np.inf, dtype=np.float32)
    scratch = _buffer(workspace, "scratch", 2 * height * c)
    if in_pool:
        tiles = tiles + _spans(rows.pool, len(rows.scorer), c)
        extra = _buffer(workspace, "extra", height * c)
    for t, (a, b) in enumerate(tiles):
        ranks_rows = t < len(widths)
        width = math.ceil((b - a) / w)
        scores = (stored[t] if ranks_rows else extra)[: w * height * width]
        scores = scores.reshape(w, height, width)
        if height > n:
            scores[:, n:] = -np.inf
        rows.scorer.score_chunked(q, a, b, scores[:, :n], scratch=scratch[: 2 * w * n * width])
        if in_pool:
            _column_maxima(scores, h, col_max[start // h : start // h + height // h, a:b], scratch)
        if ranks_rows:
            np.max(scores[:, :n], axis=0, out=row_max[t, :, :width])
    if not len(tiles) or not rows.pool:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    # The rows' best chunks, read back from the stored tiles.
    row_max = row_max.transpose(1, 0, 2).reshape(n, -1)
    city, chunk, threshold = _best_chunks(row_max, min(k, rows.pool))
    tile, offset = np.divmod(chunk, c // w)
    width = widths[tile]
    step = np.arange(w)
    first = tile * stored.shape[1] + city * width + offset
    # Slice by slice (step outer): neighbouring cities' chunks are neighbours in memory,
    # a third faster than chunk by chunk.
    values = np.take(stored.ravel(), first + step[:, None] * (height * width)).T
    row, j = _where(values >= threshold[:, None])
    return city[row] + start, tile[row] * c + offset[row] + width[row] * j


def _rescore_chunks(maxima: np.ndarray, h: int, r: int, side: Side, k: int, threads: int) -> Pairs:
    """Rescore each city's best chunks of partners; keep the pairs reaching the threshold.

    Chunk ids are block * (r / h) + offset, as _block laid them out: chunk offset of a
    block of rows a..b holds a + offset, a + offset + ceil((b - a) / h), ... Each chunk
    is rescored once, for every city that needs it: one small product of exactly the
    pairs wanted.
    """
    n = maxima.shape[0]
    if not n or not side.pool:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    city, chunk_id, threshold = _best_chunks(maxima, min(k, side.pool), threads)
    order = np.argsort(chunk_id, kind="stable")
    city, chunk_id, threshold = city[order], chunk_id[order], threshold[order]
    edges = np.flatnonzero(np.diff(chunk_id, prepend=-1, append=-1)).tolist()
    m = np.arange(h)

    def rescore(groups: tuple[int, int]) -> Pairs:
        # The cities of a run of groups are gathered once, and their partners too.
        first = edges[groups[0]]
        bounds = [e - first for e in edges[groups[0] : groups[1] + 1]]
        block, offset = np.divmod(chunk_id[edges[groups[0] : groups[1]]], r // h)
        a = block * r
        b = np.minimum(a + r, side.pool)
        step = -(-(b - a) // h)
        partners = (a + offset)[:, None] + step[:, None] * m
        counts = (partners < b[:, None]).sum(axis=1).tolist()
        partners = np.minimum(partners, b[:, None] - 1)
        q = side.scorer.queries(side.cities[city[first : edges[groups[1]]]])
        found = []
        scored = side.scorer.score_runs(q, bounds, partners, counts)
        for i, out in enumerate(scored):
            start = first + bounds[i]
            row, column = _where(out >= threshold[start : first + bounds[i + 1], None])
            found.append((city[start + row], partners[i, column]))
        return _concatenate(found)

    runs = _spans(0, len(edges) - 1, max(1, math.ceil((len(edges) - 1) / (4 * threads))))
    return _concatenate(run_parallel(rescore, runs, threads))


def _best_chunks(
    maxima: np.ndarray, k: int, threads: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(city, chunk, threshold) for the chunks whose maximum reaches the city's threshold:
    its k-th best chunk maximum (a lower bound of its k-th best score) less MARGIN."""
    n_chunks = maxima.shape[1]

    def part(span: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rows = maxima[span[0] : span[1]]
        # A full sort: vectorised (SIMD) in numpy, it beats a partition at these sizes.
        threshold = np.sort(rows, axis=1)[:, n_chunks - k] - MARGIN
        city, chunk = _where(rows >= threshold[:, None])
        return city + span[0], chunk, threshold[city]

    if threads <= 1:
        return part((0, len(maxima)))
    spans = _spans(0, len(maxima), max(1, math.ceil(len(maxima) / threads))) or [(0, 0)]
    found = run_parallel(part, spans, threads)
    return tuple(np.concatenate([f[i] for f in found]) for i in range(3))  # type: ignore[return-value]


def _where(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.nonzero of a 2-d mask, in the same order: numpy's own is 10x slower in 2-d."""
    return np.divmod(np.flatnonzero(mask), mask.shape[1])


def _column_maxima(scores: np.ndarray, h: int, out: np.ndarray, buffer: np.ndarray) -> None:
    """Each column's maxima over strided chunks of rows, into out (chunks x columns).

    scores is (w, height, width), column j x width + u being scores[j, :, u]; chunk s
    holds rows s, s + height/h, ... One reduction over a middle axis into a contiguous
    buffer (into out's strided view directly it is slower), then one strided copy.
    """
    w, height, width = scores.shape
    chunks = height // h
    found = buffer[: w * chunks * width].reshape(w, chunks, width)
    np.max(scores.reshape(w, h, chunks, width), axis=1, out=found)
    columns = out.shape[1]
    if columns == w * width:
        out.reshape(chunks, w, width)[...] = found.transpose(1, 0, 2)
    else:
        out[...] = found.transpose(1, 0, 2).reshape(chunks, -1)[:, :columns]


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
