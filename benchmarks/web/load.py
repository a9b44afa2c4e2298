"""Measure one URL with wrk: requests per second and latency percentiles."""

import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class Result:
    rps: float
    p50: float  # milliseconds
    p90: float
    p99: float
    errors: int  # non-2xx/3xx responses, socket errors and timeouts


def wrk_binary() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is not installed: run `make bench-web`, which installs it.")
    return path


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def parse(output: str) -> Result:
    percentiles = dict(re.findall(r"^\s*(50|90|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if len(percentiles) < 3:
        raise RuntimeError(f"wrk printed no latency distribution:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return Result(rps, *(_ms(percentiles[p]) for p in ("50", "90", "99")), errors)


def measure(url: str, seconds: int, connections: int, warmup: int = 2) -> Result:
    """A short warm-up (workers import, caches fill), then the timed run."""
    wrk = wrk_binary()
    common = [wrk, "-t2", f"-c{connections}", "--timeout", "10s", "--latency"]
    if warmup:
        subprocess.run([*common, f"-d{warmup}s", url], capture_output=True, check=True)  # noqa: S603
    done = subprocess.run(  # noqa: S603
        [*common, f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse(done.stdout)
