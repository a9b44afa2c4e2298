"""The command line end to end against its plain numpy peer (numpy_peer.py).

    python -m benchmarks.engine.command_line [--bsr 8000] [--east 2000] [--repeat 5]

Writes the synthetic profiles (synthetic.py) to a file in the exchange format, then runs
``python -m matching.engine rank --input F --top 10`` and the peer on it as subprocesses,
in turn, output to a pipe that is read to the end. Each figure is the best of --repeat:
wall time, and CPU time (user + system of the child), which a busy machine disturbs less.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.engine.synthetic import synthetic_profiles
from benchmarks.engine.timing import report
from matching.engine.profiles import profiles_to_json

ROOT = Path(__file__).resolve().parents[2]


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall, CPU) seconds of one run, and the bytes it printed."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT, env=env)  # noqa: S603
    printed = 0
    while chunk := process.stdout.read(1 << 20):
        printed += len(chunk)
    if process.wait() != 0:
        raise SystemExit(f"{' '.join(command)} exited with status {process.returncode}")
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, printed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bsr", type=int, default=8_000)
    parser.add_argument("--east", type=int, default=2_000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best counts")
    args = parser.parse_args(argv)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.bsr + args.east:,} profiles ({args.bsr:,} BSR + {args.east:,} East), "
        f"--top {args.top}, best of {args.repeat}; load average {load} before the run"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profiles.json"
        profiles = profiles_to_json(synthetic_profiles(args.bsr, args.east, random_state=0))
        path.write_text(json.dumps(profiles, ensure_ascii=False), encoding="utf-8")
        common = ["--input", str(path), "--top", str(args.top)]
        commands = {
            "python -m matching.engine rank": [sys.executable, "-m", "matching.engine", "rank"],
            "numpy peer": [sys.executable, "-m", "benchmarks.engine.numpy_peer"],
        }
        best = dict.fromkeys(commands, (math.inf, math.inf, 0))
        for _ in range(args.repeat):
            for name, command in commands.items():
                wall, cpu, printed = timed(command + common)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu), printed)
    for name, (wall, cpu, printed) in best.items():
        report(f"{name}: wall / CPU", f"{wall:.3f} / {cpu:.3f} s, {printed / 2**20:.1f} MiB out")
    (engine_wall, engine_cpu, _), (peer_wall, peer_cpu, _) = best.values()
    report(
        "command line / numpy peer: wall / CPU (target <= 0.3)",
        f"{engine_wall / peer_wall:.2f} / {engine_cpu / peer_cpu:.2f} x",
    )


if __name__ == "__main__":
    main()
