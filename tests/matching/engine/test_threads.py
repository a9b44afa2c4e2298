import os
import threading

from threadpoolctl import threadpool_info

from matching.engine.threads import run_parallel, single_threaded_blas, thread_count


def test_thread_counts_follow_scikit_learn():
    cpus = os.cpu_count() or 1
    assert thread_count(None) == 1
    assert thread_count(3) == 3
    assert thread_count(-1) == cpus
    assert thread_count(-cpus - 5) == 1


def test_work_shared_among_threads_comes_back_in_order():
    seen = set()

    def work(item):
        seen.add(threading.get_ident())
        return item * item

    assert run_parallel(work, range(50), threads=4) == [i * i for i in range(50)]
    assert run_parallel(work, [], threads=4) == []


def test_blas_runs_on_one_thread_inside_and_as_before_after():
    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with single_threaded_blas():
        inside = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    after = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert inside and set(inside) == {1}
    assert after == before
