"""The engine's peers on the same data: per-pair Python and NearestNeighbors brute force."""

import argparse
import heapq
import math
import time

import numpy as np

from benchmarks.engine.timing import best_interleaved, report
from matching.engine.components import population_rate
from matching.engine.profiles import Profile
from matching.engine.regions import BSR, EAST
from matching.engine.scoring import PairScorer


class PerPairPython:
    """The straightforward peer: every pair scored in Python, one at a time."""

    def __init__(self, scorer: PairScorer):
        self.idf = scorer.idf_
        self.share = scorer.weights_.normalised()
        self.rate = population_rate(scorer.population_scale)

    def score(self, a: Profile, b: Profile) -> float:
        shared = a.challenges.keys() & b.challenges.keys()
        parts = []
        for p in (a, b):
            mass = sum(self.idf[c] * w for c, w in p.challenges.items())
            parts.append(sum(self.idf[c] * p.challenges[c] for c in shared) / mass if mass else 0)
        challenges = (parts[0] + parts[1]) * 0.5
        to_b = len(a.offers & b.seeks) / len(b.seeks) if b.seeks else 0.0
        to_a = len(b.offers & a.seeks) / len(a.seeks) if a.seeks else 0.0
        low, high = sorted((a.population, b.population))
        population = math.exp(-self.rate * math.log1p((high - low) / low))
        s = self.share
        total = s["challenges"] * challenges + s["population"] * population
        return round(100 * (total + s["themes"] * (to_b + to_a) * 0.5), 1)

    def top_k(self, city: Profile, partners: list[Profile], k: int) -> list[str]:
        return [p for _, p in heapq.nsmallest(k, ((-self.score(city, p), p.id) for p in partners))]


def measure_neighbours(scorer: PairScorer, args: argparse.Namespace) -> None:
    from sklearn.neighbors import NearestNeighbors

    m = scorer.matrices_
    features = np.hstack(
        [m.challenges * m.idf, m.challenges > 0, m.offers, m.seeks, np.log(m.population)[:, None]]
    ).astype(np.float32)

    def both_sides() -> None:
        for side, other in ((EAST, BSR), (BSR, EAST)):
            index = NearestNeighbors(n_neighbors=10, algorithm="brute", metric="cosine")
            index.fit(features[scorer.partners_[other]])
            index.kneighbors(features[scorer.regions_ == side])

    seconds = best_interleaved(max(1, args.repeat - 1), both_sides)[0][0]
    report("scikit-learn NearestNeighbors brute (cosine), both sides", f"{seconds:.2f} s")


def measure_per_pair(scorer: PairScorer, args: argparse.Namespace) -> float:
    python = PerPairPython(scorer)
    by_region = {r: [p for p in scorer.profiles_ if p.region == r] for r in (BSR, EAST)}
    pools = {r: [p for p in by_region[r] if p.is_approved] for r in (BSR, EAST)}
    sample = [p for r in (EAST, BSR) for p in by_region[r][: args.sample // 2]]
    engine_top = scorer.top_k(10, [p.id for p in sample])
    agree = scored = 0
    start = time.perf_counter()
    for p in sample:
        pool = pools[BSR if p.region == EAST else EAST]
        found = python.top_k(p, pool, 10)
        scored += len(pool)
        agree += found == [s.partner for s in engine_top[p.id]]
    per_pair = (time.perf_counter() - start) / scored
    report(
        f"per-pair Python: {scored:,} pairs timed",
        f"{1e6 * per_pair:.2f} us per pair; same top-10 for {agree}/{len(sample)} cities",
    )
    return per_pair
