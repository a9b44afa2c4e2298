"""Real servers for the slow suites: a PostgreSQL cluster of the test's own and gunicorn instances.

Everything started here is stopped again on the way out, also when a test fails. The
machine's shared PostgreSQL server is never touched: the cluster lives in a temporary
folder and listens on a port of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
# Below Linux's ephemeral range (32768-60999): while the cluster is stopped, an outgoing
# connection could otherwise take its port as a local one, and the restart could not listen.
CLUSTER_PORT = 25440
APP_PORTS = (8500, 8501)
REDIS_URL = "redis://127.0.0.1:6379/4"
SECRET_KEY = "live-servers-test-key-" + "k" * 40  # one key for every instance, as in a deploy
ADMIN = ("live-admin", "a long live-test password")


def postgres_binary(name: str) -> str:
    """The newest installed PostgreSQL's tool (Debian keeps them out of PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: [int(n) for n in p.parts[-3].split(".") if n.isdigit()],
    )
    if found:
        return str(found[-1])
    on_path = shutil.which(name)
    if on_path is None:
        raise FileNotFoundError(f"PostgreSQL's {name} is not installed.")
    return on_path


def _as_postgres(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; the OS user `postgres` owns the cluster instead.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], **options) -> subprocess.CompletedProcess:
    """Fixed commands of this module only, never input from outside."""
    return subprocess.run(command, capture_output=True, timeout=600, **options)  # noqa: S603


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary folder, on its own port, removed on exit."""

    def __init__(self, port: int = CLUSTER_PORT) -> None:
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="rescom-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _pg_ctl(self, *args: str) -> None:
        result = _run(_as_postgres([postgres_binary("pg_ctl"), "-D", str(self.data), *args]))
        if result.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl {args[-1]} failed: {result.stderr!r}\n{log}")

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        _run(
            _as_postgres(
                [
                    postgres_binary("initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
        )

    def start(self) -> None:
        # fsync off: the cluster is thrown away, and its speed should not depend on the disk.
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._pg_ctl("-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "-w", "stop")

    def is_running(self) -> bool:
        result = _run(
            _as_postgres([postgres_binary("pg_ctl"), "-D", str(self.data), "status"]), check=False
        )
        return result.returncode == 0

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __enter__(self) -> ThrowawayCluster:
        try:
            self.init()
            self.start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self.is_running():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def free_port(first: int, tries: int = 100) -> int:
    """The first port from `first` that nothing on 127.0.0.1 listens on.

    Keep `first` below the ephemeral range, as CLUSTER_PORT is, for a server that restarts.
    """
    for port in range(first, first + tries):
        with contextlib.closing(socket.socket()) as probe, contextlib.suppress(OSError):
            probe.bind(("127.0.0.1", port))
            return port
    raise RuntimeError(f"No free port in {first}-{first + tries - 1}.")


class ThrowawayRedis:
    """A redis-server of the test's own on its own port and folder; nothing saved, stopped on exit."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="rescom-redis-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 15) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed.")
        options = ["--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder)]
        options += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        options += ["--logfile", str(self.folder / "redis.log")]
        self.process = subprocess.Popen([binary, *options], cwd=self.folder)  # noqa: S603
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited:\n{self.log_tail()}")
            if self.answers():
                return
            time.sleep(0.1)
        raise RuntimeError(f"redis-server did not answer in {timeout}s:\n{self.log_tail()}")

    def answers(self) -> bool:
        import redis

        try:
            return redis.Redis(port=self.port, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def log_tail(self, lines: int = 20) -> str:
        log = self.folder / "redis.log"
        return (
            "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""
        )

    def __enter__(self) -> ThrowawayRedis:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def site_environment(database_url: str, **extra: str) -> dict[str, str]:
    """What every instance shares: the database, the Redis cache, the key; production settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "TASKS_BACKEND"}
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "tests.live_settings",
        "DATABASE_URL": database_url,
        "CACHE_URL": REDIS_URL,
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def manage(database_url: str, *args: str, **extra_env: str) -> str:
    """Run a management command against the live database; its output, or a failure with it."""
    result = _run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=site_environment(database_url, **extra_env),
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


PREPARE_SITE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_reference_data")
call_command("load_demo_content")
call_command("createsuperuser", interactive=False, username=%r, email="live-admin@example.org")
"""


def prepare_site(database_url: str) -> None:
    """Migrate, load reference data and demo content, and create an admin account."""
    # One process for every step: each Django start-up costs seconds on a busy machine.
    # Demo profiles are approved as they load: compute their suggestions now, not in a worker.
    manage(
        database_url,
        "shell",
        "-c",
        PREPARE_SITE % ADMIN[0],
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DJANGO_SUPERUSER_PASSWORD=ADMIN[1],
    )


def flush_shared_cache() -> None:
    """Start from an empty cache: our own Redis database only, never the others'."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@dataclass
class AppInstance:
    """One gunicorn master with its workers, in a process group of its own."""

    port: int
    process: subprocess.Popen
    log: Path
    started: float = field(default_factory=time.monotonic)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def begin_stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGINT)  # quick shutdown: nothing in flight

    def finish_stop(self) -> None:
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def stop(self) -> None:
        self.begin_stop()
        self.finish_stop()


def start_instance(
    database_url: str, port: int, log_folder: Path, workers: int = 2, threads: int = 4, **env: str
) -> AppInstance:
    log = log_folder / f"gunicorn-{port}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--worker-class=gthread",
        f"--workers={workers}",
        f"--threads={threads}",
        "--timeout=60",
        "--graceful-timeout=5",
        # Longer than a client keeps a connection idle: no request meets a connection the
        # server is just closing (behind a proxy, the proxy's own setting does this).
        "--keep-alive=75",
        "--backlog=2048",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=BASE_DIR,
            env=site_environment(database_url, **env),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return AppInstance(port, process, log)


def wait_until_serving(instance: AppInstance, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            raise RuntimeError(f"gunicorn on {instance.port} exited:\n{instance.log_tail()}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{instance.url}/en/", timeout=10).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(
        f"gunicorn on {instance.port} did not serve in {timeout}s:\n{instance.log_tail()}"
    )


@contextlib.contextmanager
def app_instances(
    database_url: str, ports: tuple[int, ...] = APP_PORTS, **env: str
) -> Iterator[list[AppInstance]]:
    """Start one gunicorn per port against the same database and cache; stop them all after."""
    log_folder = Path(tempfile.mkdtemp(prefix="rescom-gunicorn-"))
    instances: list[AppInstance] = []
    try:
        for port in ports:
            instances.append(start_instance(database_url, port, log_folder, **env))
        for instance in instances:
            wait_until_serving(instance)
        yield instances
    finally:
        for instance in instances:  # all at once: each takes a few seconds to wind down
            instance.begin_stop()
        for instance in instances:
            instance.finish_stop()
        shutil.rmtree(log_folder, ignore_errors=True)


def scalar(database_url: str, sql: str, *params):
    """The single value a query returns, read straight from the live database."""
    with psycopg.connect(database_url) as conn:
        return conn.execute(sql, params).fetchone()[0]


def live_pages(database_url: str) -> tuple[list[str], str]:
    """Pages a visitor reads, in three languages, and the address of an introduction form."""
    with psycopg.connect(database_url) as conn:
        (story,) = conn.execute(
            "SELECT p.url_path FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE ct.model = 'storypage' AND l.language_code = 'en' AND p.live"
            " ORDER BY p.path LIMIT 1"
        ).fetchone()
        city, partner = conn.execute(
            "SELECT c.slug, p.slug FROM matching_storedsuggestion s"
            " JOIN matching_city c ON c.id = s.city_id JOIN matching_city p ON p.id = s.partner_id"
            " ORDER BY s.id LIMIT 1"
        ).fetchone()
    story_path = "/en/" + story.split("/", 2)[2]  # /home/stories/x/ is served at /en/stories/x/
    pages = [
        "/en/",
        "/uk/",
        "/ro/",
        "/en/stories/",
        story_path,
        "/en/learning-labs/",
        "/en/events/",
        "/en/cities/",
        f"/en/cities/{city}/",
        f"/en/partner-finder/?city={city}",
    ]
    return pages, f"/en/partner-finder/introduce/{city}/{partner}/"


STORED_MARKERS = {
    "registration": "SELECT name FROM matching_city WHERE name LIKE 'Loadtown %%'",
    "introduction": (
        "SELECT message FROM matching_introductionrequest WHERE message LIKE 'Load test %%'"
    ),
}


def stored_markers(database_url: str, kind: str) -> list[str]:
    """Every stored city name or introduction message a load client sent, duplicates kept."""
    with psycopg.connect(database_url) as conn:
        return [row[0] for row in conn.execute(STORED_MARKERS[kind])]
