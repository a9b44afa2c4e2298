"""Run the benchmark: ``python -m benchmarks.engine --help`` lists the options."""

import argparse
import os
import time

from benchmarks.engine import __doc__ as summary
from benchmarks.engine.floor import measure_full
from benchmarks.engine.measures import measure_engine, measure_memory, measure_smaller
from benchmarks.engine.peers import measure_neighbours, measure_per_pair
from benchmarks.engine.synthetic import synthetic_profiles
from benchmarks.engine.timing import report
from matching.engine.regions import BSR, EAST
from matching.engine.scoring import PairScorer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=summary.splitlines()[0])
    parser.add_argument("--bsr", type=int, default=20_000)
    parser.add_argument("--east", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing; best counts")
    parser.add_argument("--jobs", type=int, default=-1, help="engine threads (-1: every CPU)")
    parser.add_argument("--sample", type=int, default=40, help="cities the per-pair peer ranks")
    parser.add_argument("--smaller", type=float, default=0.5, help="side factor, 2nd size")
    parser.add_argument("--visitors", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=2_000)
    args = parser.parse_args(argv)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.bsr:,} BSR + {args.east:,} East cities, k=10, best of {args.repeat}; "
        f"{os.cpu_count()} CPUs, load average {load} before the run"
    )
    profiles = synthetic_profiles(args.bsr, args.east, random_state=0)
    start = time.perf_counter()
    scorer = PairScorer(n_jobs=args.jobs).fit(profiles)
    report("fit: vocabularies, IDF, float32 features", f"{time.perf_counter() - start:.2f} s")
    width = scorer.block_scorers_[BSR].width
    report("feature width W (the product's inner dimension)", str(width))
    pairs = args.east * len(scorer.partners_[BSR]) + args.bsr * len(scorer.partners_[EAST])

    rss = measure_memory(scorer)
    full, floor, preallocated = measure_full(scorer, args, width)
    single = measure_engine(scorer, args)
    small_time, small_pairs = measure_smaller(args)
    measure_neighbours(scorer, args)
    per_pair = measure_per_pair(scorer, args)
    report("per-pair Python, extrapolated to every city", f"{per_pair * pairs:,.0f} s")

    print("\nTargets (2 cores):")
    print(f"  full top-10 / floor          {full / floor:8.2f} x  (<= 3)")
    print(f"  ... / preallocated product   {full / preallocated:8.2f} x")
    print(f"  per-pair Python / engine     {per_pair * pairs / full:8,.0f} x  (>= 500)")
    print(f"  one city, warm, 95th centile {1e3 * single:8.1f} ms (< 20)")
    print(f"  peak RSS                     {rss:8.0f} MiB (< 1024)")
    print(
        f"  ns per pair at {small_pairs / 1e6:.0f}M / {pairs / 1e6:.0f}M pairs"
        f"   {1e9 * small_time / small_pairs:.2f} / {1e9 * full / pairs:.2f}"
        "  (linear: about equal)"
    )


if __name__ == "__main__":
    main()
