"""The engine's full top-10 against the floor: one float32 product of the same shapes."""

import argparse
from collections.abc import Callable

import numpy as np

from benchmarks.engine.timing import best_interleaved, report
from matching.engine.scoring import PairScorer
from matching.engine.threads import single_threaded_blas


def measure_full(
    scorer: PairScorer, args: argparse.Namespace, width: int
) -> tuple[float, float, float]:
    """The engine's full top-10 and the floor, timed in turn.

    The floor is ``east @ bsr``: a fresh (East x BSR) float32 result, BLAS on every core
    or on one (its threads can lose more than they gain on a busy machine), whichever is
    faster. Also timed: the product into a preallocated result, which skips the page
    faults of 400 MB of fresh memory: a floor below the floor.
    """
    rng = np.random.default_rng(2)
    east = rng.random((args.east, width), dtype=np.float32)
    bsr = rng.random((width, args.bsr), dtype=np.float32)
    result = np.empty((args.east, args.bsr), dtype=np.float32)

    def on_one_thread(work: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            with single_threaded_blas():
                work()

        return run

    def product() -> None:
        east @ bsr

    def preallocated() -> None:
        np.matmul(east, bsr, out=result)

    timings = best_interleaved(
        args.repeat,
        lambda: scorer.rank(10),
        *(product, on_one_thread(product), preallocated, on_one_thread(preallocated)),
    )
    (engine, engine_cpu), fresh, fresh_one, kept, kept_one = timings
    report("engine: full top-10 for every city (wall / CPU)", f"{engine:.3f} / {engine_cpu:.3f} s")
    shape = f"({args.east}x{width}) @ ({width}x{args.bsr})"
    report(f"floor: one float32 product {shape}", f"{fresh[0]:.3f} / {fresh[1]:.3f} s")
    report("floor: the same on one BLAS thread", f"{fresh_one[0]:.3f} / {fresh_one[1]:.3f} s")
    report(
        "product into a preallocated result, all / one thread",
        f"{kept[0]:.3f} / {kept_one[0]:.3f} s",
    )
    return engine, min(fresh[0], fresh_one[0]), min(kept[0], kept_one[0])
