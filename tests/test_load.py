"""200 visitors at once for a minute on two app instances: no 5xx, no lost form submission."""

import os
from collections import Counter

import pytest

from tests.live_servers import live_pages, stored_markers
from tests.load_client import run_load

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

CONNECTIONS = int(os.environ.get("RESCOM_LOAD_CONNECTIONS", "200"))
SECONDS = float(os.environ.get("RESCOM_LOAD_SECONDS", "60"))


def test_two_hundred_concurrent_visitors_get_no_errors_and_lose_no_submission(
    live_database, live_instances
):
    pages, introduce_path = live_pages(live_database)
    result = run_load([i.url for i in live_instances], pages, introduce_path, CONNECTIONS, SECONDS)
    logs = "\n".join(i.log_tail(20) for i in live_instances)
    print(f"\nLoad: {CONNECTIONS} connections: {result.summary()}")

    assert not result.server_errors(), result.summary() + "\n" + logs
    assert result.unanswered() == 0, result.summary()
    for kind in ("registration", "introduction"):
        succeeded = result.markers(kind, succeeded=True)
        assert succeeded, f"no {kind} got through: {result.summary()}"
        sent = set(result.markers(kind))
        stored = Counter(m for m in stored_markers(live_database, kind) if m in sent)
        assert {m: stored[m] for m in succeeded if stored[m] != 1} == {}, "lost or doubled"
        assert set(stored) <= set(succeeded), "stored although the visitor was told it failed"
