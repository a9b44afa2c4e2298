"""Our pages against a bare Wagtail site and a plain Django view, caching on and off, in one run.

    python -m benchmarks.web [--seconds 8] [--rounds 3] [--connections 16] [--workers 4]

Creates its own PostgreSQL databases, serves each site with gunicorn on 127.0.0.1 and
measures every URL with wrk, each of our pages right after the reference its target is set
against (the plain view with caching on, the bare home with caching off), a few times over;
servers and databases are removed at the end, even on error.
"""

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

from benchmarks.web.load import Result, measure, wrk_binary
from benchmarks.web.peer import build_peer
from benchmarks.web.servers import OUR_DB, PEER_DB, Gunicorn, database_exists, drop_database
from benchmarks.web.site import ROOT, build_site, find_targets, site_env

# Overridable so that two runs on one machine keep apart (the peer takes the next port).
OUR_PORT = int(os.environ.get("BENCH_PORT", "8101"))
PEER_PORT = OUR_PORT + 1


#: The reference each configuration's target is set against: measured turn about with our pages.
TARGET_REFERENCE = {True: "ceiling", False: "peer"}
REFERENCE_PATHS = {"peer": "/", "ceiling": "/plain/"}


class Turns:
    """Our pages and a reference measured turn about: reference, page, reference, page...

    The machine's speed drifts over minutes; a page set against the reference measured
    right before it is compared at the same speed. Each page takes several such pairs and
    is given the median of their ratios, with the range. The other reference is given as
    the median of its own turns.
    """

    def __init__(self, reference_base: str, args):
        self.reference_base, self.args = reference_base, args
        self.references: dict[str, list[Result]] = {"peer": [], "ceiling": []}

    def measure(self, url: str) -> Result:
        return measure(url, self.args.seconds, self.args.connections)

    def pages(self, base: str, urls: dict[str, str], reference: str) -> dict[str, list[tuple]]:
        """Each page's pairs: its result and the reference's right before it."""
        results = {}
        for name, path in urls.items():
            pairs = results[name] = []
            for _ in range(self.args.rounds):
                before = self.measure(self.reference_base + REFERENCE_PATHS[reference])
                self.references[reference].append(before)
                pairs.append((self.measure(base + path), before))
                print(
                    f"  {name:<24} {_row(pairs[-1][0])}   ({reference} {before.rps:.0f}, "
                    f"{pairs[-1][0].rps / before.rps:.2f} x)",
                    flush=True,
                )
        return results

    def median(self, reference: str) -> Result:
        runs = sorted(self.references[reference], key=lambda r: r.rps)
        return runs[len(runs) // 2]


def _row(r: Result) -> str:
    errors = f"  ERRORS {r.errors}" if r.errors else ""
    return f"{r.rps:8.0f} req/s  p50 {r.p50:6.1f}  p90 {r.p90:6.1f}  p99 {r.p99:6.1f} ms{errors}"


def _median_pair(pairs: list[tuple]) -> tuple[tuple, str]:
    """The pair with the median ratio, and the range of the ratios."""
    ranked = sorted(pairs, key=lambda pair: pair[0].rps / pair[1].rps)
    ratios = [page.rps / before.rps for page, before in ranked]
    return ranked[len(ranked) // 2], f"{ratios[0]:.2f}–{ratios[-1]:.2f}"


def table(title: str, ours: dict[str, list[tuple]], reference: str, turns: Turns) -> str:
    """Rows of our pages (the pair with the median ratio), then the references' medians."""
    lines = [
        f"\n{title} (x {reference}: median of {turns.args.rounds} pairs, with their range)",
        "| page | req/s | p50 ms | p90 ms | p99 ms | x bare Wagtail | x plain Django | range |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    medians = {name: turns.median(name) for name in REFERENCE_PATHS}
    rows = []
    for name, pairs in ours.items():
        (r, before), spread = _median_pair(pairs)
        rows.append((name, r, {**medians, reference: before}, spread))
    rows += [
        ("bare Wagtail home (peer)", medians["peer"], medians, ""),
        ("plain Django view (ceiling)", medians["ceiling"], medians, ""),
    ]
    for name, r, against, spread in rows:
        errors = sum(page.errors for page, _ in ours.get(name, [(r, None)]))
        lines.append(
            f"| {name} | {r.rps:.0f} | {r.p50:.1f} | {r.p90:.1f} | {r.p99:.1f} "
            f"| {r.rps / against['peer'].rps:.2f} | {r.rps / against['ceiling'].rps:.2f} "
            f"| {spread} |" + (f" errors: {errors}" if errors else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="timed run per URL")
    parser.add_argument(
        "--rounds", type=int, default=3, help="pairs of reference and page per page"
    )
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
        servers: list[Gunicorn] = []
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
            peer = Gunicorn("peer.wsgi", PEER_PORT, args.workers, peer_dir, peer_env, Path(tmp))
            servers = [peer]
            peer.wait_ready("/")
            turns = Turns(f"http://127.0.0.1:{PEER_PORT}", args)
            measured = {}
            for cached in (True, False):
                reference = TARGET_REFERENCE[cached]
                state = "on" if cached else "off"
                print(f"Our site, page cache {state}, turn about with the {reference}:", flush=True)
                env = site_env(OUR_DB, args.cache_url, page_cache=cached)
                server = Gunicorn("cms.wsgi", OUR_PORT, args.workers, ROOT, env, Path(tmp))
                servers.append(server)
                server.wait_ready(next(iter(targets.values())))
                measured[cached] = turns.pages(f"http://127.0.0.1:{OUR_PORT}", targets, reference)
                server.stop()
            for cached, title in ((True, "Caching on"), (False, "Caching off")):
                print(table(title, measured[cached], TARGET_REFERENCE[cached], turns))
        finally:
            for server in servers:
                server.stop()
            for name in (OUR_DB, PEER_DB):
                if not args.reuse_databases:
                    drop_database(name)


if __name__ == "__main__":
    main()
