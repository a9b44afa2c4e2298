"""The engine's own figures: memory, one city warm, a cohort plan, growth with size."""

import argparse
import gc
import time
import tracemalloc

import numpy as np

from benchmarks.engine.synthetic import synthetic_profiles
from benchmarks.engine.timing import best_interleaved, peak_rss, report, resident
from matching.engine.cohort import plan_cohort
from matching.engine.regions import BSR, EAST
from matching.engine.scoring import PairScorer


def measure_memory(scorer: PairScorer) -> float:
    """Before anything else big is allocated: the process's peak is the engine's."""
    scorer.rank(10)
    rss = peak_rss()
    gc.collect()
    tracemalloc.start()
    scorer.rank(10)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    report(
        "engine: peak memory allocated by a full top-10 (tracemalloc)", f"{traced / 2**20:.0f} MiB"
    )
    report("process peak RSS: interpreter, profiles, fitted engine, top-10", f"{rss:.0f} MiB")
    return rss


def measure_engine(scorer: PairScorer, args: argparse.Namespace) -> float:
    """One city warm, a cohort plan, reasons for all; returns a single city's 95th centile."""
    rng = np.random.default_rng(1)
    ids = [scorer.profiles_[i].id for i in rng.choice(len(scorer.profiles_), 50, replace=False)]
    scorer.top_k(10, [ids[0]])  # warm
    singles = []
    for city_id in ids:
        start = time.perf_counter()
        scorer.top_k(10, [city_id])
        singles.append(time.perf_counter() - start)
    singles.sort()
    report(
        "engine: one city's top-10, warm (median / 95% / max of 50)",
        f"{1e3 * singles[25]:.1f} / {1e3 * singles[47]:.1f} / {1e3 * singles[-1]:.1f} ms",
    )
    approved = [p for p in scorer.profiles_ if p.is_approved]
    visitors = [p.id for p in approved if p.region == EAST][: args.visitors]
    hosts = [p for p in approved if p.region == BSR and p.host_capacity][: args.hosts]
    start = time.perf_counter()
    plan = plan_cohort(
        scorer, visitors, [h.id for h in hosts], {h.id: h.host_capacity for h in hosts}, 20
    )
    report(
        f"engine: cohort plan, {len(visitors)} visitors x {len(hosts)} hosts, min 20",
        f"{time.perf_counter() - start:.2f} s ({len(plan.assignments)} placed)",
    )
    before, start = resident(), time.perf_counter()
    explained = scorer.top_k(10)
    report(
        "engine: full top-10 with reasons as Python objects",
        f"{time.perf_counter() - start:.2f} s, +{resident() - before:.0f} MiB resident",
    )
    del explained
    return singles[47]


def measure_smaller(args: argparse.Namespace) -> tuple[float, int]:
    n_bsr, n_east = int(args.bsr * args.smaller), int(args.east * args.smaller)
    scorer = PairScorer(n_jobs=args.jobs).fit(synthetic_profiles(n_bsr, n_east, 0))
    pairs = n_east * len(scorer.partners_[BSR]) + n_bsr * len(scorer.partners_[EAST])
    seconds = best_interleaved(args.repeat, lambda: scorer.rank(10))[0][0]
    report(f"engine at {n_bsr:,} + {n_east:,}: full top-10", f"{seconds:.3f} s")
    return seconds, pairs
