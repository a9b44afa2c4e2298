"""Sharing numpy work among threads: numpy releases the GIL in its inner loops."""

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from functools import cache

from threadpoolctl import ThreadpoolController


def thread_count(n_jobs: int | None) -> int:
    """scikit-learn's convention: None is one thread, -1 every CPU, -2 all but one."""
    if n_jobs is None:
        return 1
    cpus = os.cpu_count() or 1
    return max(1, cpus + 1 + n_jobs if n_jobs < 0 else n_jobs)


def run_parallel(work: Callable, items: Iterable, threads: int) -> list:
    """[work(item) for item in items], shared among threads, in order."""
    items = list(items)
    if threads <= 1 or len(items) <= 1:
        return [work(item) for item in items]
    with ThreadPoolExecutor(min(threads, len(items))) as pool:
        return list(pool.map(work, items))


def single_threaded_blas() -> AbstractContextManager:
    """BLAS on one thread: for small products its threads cost more than they bring (and
    spin badly on busy cores); parallelism comes from our own threads instead."""
    return _controller().limit(limits=1, user_api="blas")


@cache
def _controller() -> ThreadpoolController:
    # Found once: looking up the loaded libraries costs milliseconds.
    return ThreadpoolController()
