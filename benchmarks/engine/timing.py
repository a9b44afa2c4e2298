"""Timing and memory readings, and how figures are printed."""

import gc
import math
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path


def best_interleaved(repeat: int, *works: Callable[[], object]) -> list[tuple[float, float]]:
    """(wall, CPU) seconds per work, each the best of repeat rounds run in turn, so that a
    busy moment on a shared machine hurts every work alike."""
    best = [(math.inf, math.inf)] * len(works)
    for _ in range(repeat):
        for i, work in enumerate(works):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[i] = (min(best[i][0], wall), min(best[i][1], cpu))
    return best


def report(label: str, value: str) -> None:
    """Figures printed as they come, label and value side by side."""
    print(f"  {label:<56} {value}", flush=True)


def peak_rss() -> float:
    """MiB, the process's largest resident set so far (Linux counts KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10


def resident() -> float:
    """MiB resident now (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
