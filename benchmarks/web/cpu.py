"""CPU time per request of our pages and of the bare Wagtail home, measured turn about.

    python -m benchmarks.web.cpu [--rounds 10] [--requests 20]

Both sites run in a process of their own (Django's test client, production settings, our
page cache off) and take turns: 20 requests of one of our pages, then 20 of the bare home,
and so on, so that a busy machine slows both alike. Prints the median CPU time per request
and the median of the turns' ratios. Builds its own databases and removes them at the end.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.web.peer import build_peer
from benchmarks.web.servers import OUR_DB, PEER_DB, database_exists, drop_database
from benchmarks.web.site import ROOT, build_site, find_targets, site_env

WORKER = [sys.executable, "-m", "benchmarks.web.cpu_worker"]


class Worker:
    def __init__(self, cwd: Path, env: dict[str, str], runner: tuple[str, ...] = ()):
        env = env | {"PYTHONPATH": str(ROOT), "ALLOWED_HOSTS": "127.0.0.1"}
        self.process = subprocess.Popen(  # noqa: S603  (our own worker module)
            [*runner, *WORKER],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the worker in {cwd} did not start")

    def measure(self, path: str, count: int) -> float:
        self.process.stdin.write(f"{path} {count}\n")
        self.process.stdin.flush()
        spent, statuses = self.process.stdout.readline().split()
        if statuses != "200":
            raise RuntimeError(f"{path} answered {statuses}")
        return float(spent)

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def prepare_sites(tmp: Path, args) -> tuple[dict, dict[str, str], Path, dict]:
    """Our site's settings (page cache off) and pages, and the bare site's folder and settings."""
    if not (args.reuse_databases and database_exists(OUR_DB)):
        build_site(OUR_DB, args.cache_url)
    env = site_env(OUR_DB, args.cache_url, page_cache=False)
    peer_dir, peer_env = build_peer(
        tmp / "peer", PEER_DB, migrate=not (args.reuse_databases and database_exists(PEER_DB))
    )
    return env, find_targets(env), peer_dir, peer_env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20, help="per page and turn")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/1")
    parser.add_argument("--reuse-databases", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rescom-cpubench-") as tmp:
        workers = []
        try:
            env, targets, peer_dir, peer_env = prepare_sites(Path(tmp), args)
            ours, peer = Worker(ROOT, env), Worker(peer_dir, peer_env)
            workers = [ours, peer]
            for path in ["/", *targets.values()]:  # warm up: templates, kept site structure
                (peer if path == "/" else ours).measure(path, 5)
            times = {name: ([], []) for name in targets}
            for _ in range(args.rounds):
                for name, path in targets.items():
                    times[name][0].append(ours.measure(path, args.requests))
                    times[name][1].append(peer.measure("/", args.requests))
            print(f"CPU ms per request, median of {args.rounds} turns of {args.requests}:")
            print("| page | ours | bare Wagtail home | x bare home |")
            print("| --- | ---: | ---: | ---: |")
            for name, (mine, theirs) in times.items():
                ratio = statistics.median(a / b for a, b in zip(mine, theirs, strict=True))
                print(
                    f"| {name} | {statistics.median(mine):.1f} "
                    f"| {statistics.median(theirs):.1f} | {ratio:.2f} |"
                )
        finally:
            for worker in workers:
                worker.stop()
            if not args.reuse_databases:
                for name in (OUR_DB, PEER_DB):
                    drop_database(name)


if __name__ == "__main__":
    main()
