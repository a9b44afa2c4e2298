"""Start and stop the servers and databases a benchmark run owns, and nothing else."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import psycopg

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
# The run's own databases; overridable so that two runs on one machine keep apart.
OUR_DB = os.environ.get("BENCH_DB", "rescom_webbench")
PEER_DB = f"{OUR_DB}_peer"


def database_url(name: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def recreate_database(name: str) -> None:
    """A fresh, empty database of the run's own name (dropped first if a past run left it)."""
    drop_database(name)
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def database_exists(name: str) -> bool:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def drop_database(name: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run a set-up step; its output is shown only when it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class Gunicorn:
    """One gunicorn master in its own process group, stopped with everything it started."""

    def __init__(
        self, app: str, port: int, workers: int, cwd: Path, env: dict[str, str], log_dir: Path
    ):
        self.port, self.workers = port, workers
        self.log = log_dir / f"gunicorn-{port}.log"
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            app,
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--timeout=60",
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=cwd, env=env, stdout=log, stderr=log, start_new_session=True
            )

    def wait_ready(self, path: str, timeout: float = 300) -> None:
        """Until `path` answers 200 as often as there are workers: each has loaded the app."""
        deadline = time.monotonic() + timeout
        answered = 0
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                with urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60) as response:
                    answered += response.status == 200
            except (URLError, OSError):  # refused while booting, or slow to answer
                time.sleep(0.3)
            if answered >= self.workers:
                return
        raise RuntimeError(f"gunicorn did not answer on {self.port} within {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
