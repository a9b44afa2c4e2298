"""PostgreSQL restarted under load: the site recovers by itself, and loses or doubles no
submission that a visitor sends again after an error."""

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.live_servers import live_pages, stored_markers
from tests.load_client import run_load

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

CONNECTIONS = int(os.environ.get("RESCOM_RESTART_CONNECTIONS", "50"))
SECONDS = float(os.environ.get("RESCOM_RESTART_SECONDS", "30"))
OUTAGE_SECONDS = float(os.environ.get("RESCOM_OUTAGE_SECONDS", "3"))
RECOVERY_LIMIT = 10  # seconds from PostgreSQL accepting connections again


def test_the_site_recovers_by_itself_after_postgresql_restarts_under_load(
    live_cluster, live_database, live_instances
):
    pages, introduce_path = live_pages(live_database)
    instances = live_instances
    with ThreadPoolExecutor(1) as pool:
        load = pool.submit(
            run_load, [i.url for i in instances], pages, introduce_path, CONNECTIONS, SECONDS
        )
        time.sleep(SECONDS / 3)
        down_at = time.monotonic()
        live_cluster.stop("fast")  # ends every open connection, as a crash or a failover does
        time.sleep(OUTAGE_SECONDS)
        live_cluster.start()
        back_at = time.monotonic()
        result = load.result()
        logs = "\n".join(i.log_tail(20) for i in instances)

    failures = result.failures()
    recovered_at = max(a.finished for a in failures) if failures else down_at
    recovery = recovered_at - back_at
    print(
        f"\nRestart: PostgreSQL down {back_at - down_at:.1f} s; {len(failures)} requests answered"
        f" 503 meanwhile; last one {recovery:.1f} s after it was back; {result.summary()}"
        f"\nok/failed answers by second from the stop: {result.timeline(down_at)}"
    )

    assert failures, "the outage went unnoticed: was PostgreSQL really stopped?"
    assert {a.status for a in failures} == {503}, result.summary() + "\n" + logs
    assert all(down_at - 1 < a.finished for a in failures), "failures before the outage"
    assert recovery < RECOVERY_LIMIT, f"still failing {recovery:.1f} s after PostgreSQL came back"
    assert any(a.status == 200 for a in result.answers if a.started > recovered_at)

    for language, body in result.samples_503.items():
        assert f'lang="{language.strip("/")}"' in body
        assert "Traceback" not in body

    # Every visitor told that a submission failed sent the same form again (its key
    # included): each submission ends stored exactly once and answered with success. That
    # covers a post in flight at the stop, whose commit may have reached the disk while its
    # answer was lost with the connection: its second copy is recognised, not stored again.
    for kind in ("registration", "introduction"):
        final = {a.marker: a.status for a in result.answers if a.kind == kind}
        stored = Counter(m for m in stored_markers(live_database, kind) if m in final)
        assert [m for m, status in final.items() if status != 302] == [], f"{kind}: not stored"
        assert [m for m in final if stored[m] != 1] == [], f"{kind}: not stored exactly once"
    resent = sum(1 for a in result.answers if a.kind != "page" and a.status != 302)
    print(f"Form posts answered with an error and sent again: {resent}")
