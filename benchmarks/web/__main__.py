"""Our pages against a bare Wagtail site and a plain Django view, caching on and off, in one run.

    python -m benchmarks.web [--seconds 10] [--connections 16] [--workers 4]

Creates its own PostgreSQL databases, serves each site with gunicorn on 127.0.0.1 and
measures every URL with wrk; servers and databases are removed at the end, even on error.
"""

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

from .load import Result, measure, wrk_binary
from .peer import build_peer
from .servers import OUR_DB, PEER_DB, Gunicorn, database_exists, drop_database
from .site import ROOT, build_site, find_targets, site_env

# Overridable so that two runs on one machine keep apart (the peer takes the next port).
OUR_PORT = int(os.environ.get("BENCH_PORT", "8101"))
PEER_PORT = OUR_PORT + 1


def serve_and_measure(server: Gunicorn, urls: dict[str, str], args) -> dict[str, Result]:
    try:
        server.wait_ready(next(iter(urls.values())))
        base = f"http://127.0.0.1:{server.port}"
        results = {}
        for name, path in urls.items():
            results[name] = measure(base + path, args.seconds, args.connections)
            print(f"  {name:<24} {_row(results[name])}", flush=True)
        return results
    finally:
        server.stop()


def _row(r: Result) -> str:
    errors = f"  ERRORS {r.errors}" if r.errors else ""
    return f"{r.rps:8.0f} req/s  p50 {r.p50:6.1f}  p90 {r.p90:6.1f}  p99 {r.p99:6.1f} ms{errors}"


def table(title: str, ours: dict[str, Result], peer: Result, ceiling: Result) -> str:
    lines = [
        f"\n{title}",
        "| page | req/s | p50 ms | p90 ms | p99 ms | x bare Wagtail | x plain Django |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = [
        *ours.items(),
        ("bare Wagtail home (peer)", peer),
        ("plain Django view (ceiling)", ceiling),
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r.rps:.0f} | {r.p50:.1f} | {r.p90:.1f} | {r.p99:.1f} "
            f"| {r.rps / peer.rps:.2f} | {r.rps / ceiling.rps:.2f} |"
            + (f" errors: {r.errors}" if r.errors else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="timed run per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument(
        "--cache-url", default=os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1")
    )
    parser.add_argument(
        "--reuse-databases",
        action="store_true",
        help="keep the databases afterwards and reuse them next time (for profiling)",
    )
    args = parser.parse_args(argv)
    wrk_binary()
    # A SIGTERM unwinds like Ctrl-C, so the finally below stops servers and drops databases.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="rescom-webbench-") as tmp:
        try:
            print("Setting up our site and the bare Wagtail site ...", flush=True)
            if not (args.reuse_databases and database_exists(OUR_DB)):
                build_site(OUR_DB, args.cache_url)
            targets = find_targets(site_env(OUR_DB, args.cache_url, page_cache=True))
            peer_dir, peer_env = build_peer(
                Path(tmp) / "peer",
                PEER_DB,
                migrate=not (args.reuse_databases and database_exists(PEER_DB)),
            )
            print(
                f"{args.workers} gunicorn workers each, wrk {args.connections} connections, "
                f"{args.seconds} s per URL, {os.cpu_count()} CPUs",
                flush=True,
            )
            print("References:", flush=True)
            peer = Gunicorn("peer.wsgi", PEER_PORT, args.workers, peer_dir, peer_env, Path(tmp))
            refs = serve_and_measure(peer, {"peer": "/", "ceiling": "/plain/"}, args)
            measured = {}
            for cached in (True, False):
                print(f"Our site, page cache {'on' if cached else 'off'}:", flush=True)
                env = site_env(OUR_DB, args.cache_url, page_cache=cached)
                server = Gunicorn("cms.wsgi", OUR_PORT, args.workers, ROOT, env, Path(tmp))
                measured[cached] = serve_and_measure(server, targets, args)
            for cached, title in ((True, "Caching on"), (False, "Caching off")):
                print(table(title, measured[cached], refs["peer"], refs["ceiling"]))
        finally:
            for name in (OUR_DB, PEER_DB):
                if not args.reuse_databases:
                    drop_database(name)


if __name__ == "__main__":
    main()
