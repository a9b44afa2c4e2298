"""Instructions per request of our pages and of the bare Wagtail home, counted by callgrind.

    python -m benchmarks.web.instructions [--requests 20] [--reuse-databases]

Unlike time, an instruction count does not move with the machine's load: the same code,
data and Python count the same, run after run, so a change of a few per cent shows. Each
site runs in-process (as `benchmarks.web.cpu` runs it) under `valgrind --tool=callgrind`,
counting off while it starts and warms up, on only around the counted requests
(`callgrind_control -i on|off`). Only the application's instructions are counted, not
PostgreSQL's, Redis's or the kernel's, and an instruction is no fixed time: the count ranks
code, wrk's figures time it. Needs valgrind (`make bench-instructions` installs it).
"""

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.web.cpu import Worker, prepare_sites
from benchmarks.web.servers import OUR_DB, PEER_DB, drop_database
from benchmarks.web.site import ROOT

WARM_UP = 40


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed: run `make bench-instructions`.")
    return path


def _counting(pid: int, on: bool) -> None:
    command = [_tool("callgrind_control"), "-i", "on" if on else "off", str(pid)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 (our own arguments)


def count(cwd: Path, env: dict[str, str], path: str, requests: int, out_dir: Path) -> float:
    """Instructions per request of `path`, after a warm-up that is not counted."""
    out = out_dir / f"callgrind.{len(list(out_dir.iterdir()))}"
    runner = (
        _tool("valgrind"),
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}",
        f"--log-file={out}.log",
    )
    worker = Worker(cwd, env, runner)
    try:
        worker.measure(path, WARM_UP)
        _counting(worker.process.pid, on=True)
        worker.measure(path, requests)
        _counting(worker.process.pid, on=False)
    finally:
        worker.stop()
    totals = re.search(r"^totals:\s+(\d+)", out.read_text(), re.MULTILINE)
    return int(totals.group(1)) / requests


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="counted per page")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/1")
    parser.add_argument("--reuse-databases", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rescom-instructions-") as tmp:
        try:
            env, targets, peer_dir, peer_env = prepare_sites(Path(tmp), args)
            out_dir = Path(tmp) / "counts"
            out_dir.mkdir()
            peer = count(peer_dir, peer_env, "/", args.requests, out_dir)
            print(
                f"Instructions per request (callgrind, {args.requests} requests after a warm-up):"
            )
            print("| page | ours (millions) | x bare Wagtail home |")
            print("| --- | ---: | ---: |")
            print(f"| bare Wagtail home (peer) | {peer / 1e6:.2f} | 1.00 |", flush=True)
            for name, path in targets.items():
                ours = count(ROOT, env, path, args.requests, out_dir)
                print(f"| {name} | {ours / 1e6:.2f} | {ours / peer:.2f} |", flush=True)
        finally:
            if not args.reuse_databases:
                for name in (OUR_DB, PEER_DB):
                    drop_database(name)


if __name__ == "__main__":
    main()
