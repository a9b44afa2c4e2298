"""Many concurrent visitors over real HTTP: page reads and form submissions with CSRF tokens.

Each visitor holds one keep-alive connection and its own cookies, and loops until the
deadline: mostly reading pages, now and then registering a city or asking for an
introduction, each submission marked so that it can be found in the database afterwards.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

import httpx

from .html_forms import city_registration, csrf_token, introduction_request

REGISTER_PATH = "/en/register/"
# Closed loop: with N visitors and a throughput of R requests a second, a request waits
# about N / R seconds. On a busy 2-core machine R can fall to a few a second.
TIMEOUT = float(os.environ.get("RESCOM_LOAD_TIMEOUT", "180"))
FORM_SHARE = 0.2  # of a visitor's requests, half registrations and half introductions


@dataclass
class Answer:
    started: float
    finished: float
    kind: str  # "page", "registration" or "introduction"
    status: int  # 0: no answer (connection error or timeout)
    marker: str = ""
    error: str = ""  # why there was no answer


@dataclass
class LoadResult:
    seconds: float
    answers: list[Answer] = field(default_factory=list)
    samples_503: dict[str, str] = field(default_factory=dict)  # language prefix: first body

    @property
    def statuses(self) -> Counter:
        return Counter((a.kind, a.status) for a in self.answers)

    def markers(self, kind: str, succeeded: bool | None = None) -> list[str]:
        """Submissions (the city name or message they carried) answered with the success
        redirect; with succeeded=False, with anything else; with None, all of them."""
        return [
            a.marker
            for a in self.answers
            if a.kind == kind and (succeeded is None or (a.status == 302) == succeeded)
        ]

    def server_errors(self) -> Counter:
        return Counter(a.status for a in self.answers if a.status >= 500)

    def failures(self) -> list[Answer]:
        """Answers that were neither a page nor a stored submission."""
        return [a for a in self.answers if a.status not in (200, 302)]

    def timeline(self, origin: float) -> str:
        """Answers per second of finishing, counted from `origin`: ok/failed."""
        seconds: dict[int, list[int]] = {}
        for a in self.answers:
            counts = seconds.setdefault(int(a.finished - origin), [0, 0])
            counts[a.status not in (200, 302)] += 1
        return " ".join(f"{t:+d}s:{ok}/{bad}" for t, (ok, bad) in sorted(seconds.items()))

    def unanswered(self) -> int:
        return sum(1 for a in self.answers if a.status == 0)

    def summary(self) -> str:
        latencies = sorted(a.finished - a.started for a in self.answers if a.status)
        ok_forms = sum(1 for a in self.answers if a.kind != "page" and a.status == 302)

        def pct(p: float) -> float:
            return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0

        return (
            f"{len(self.answers)} requests in {self.seconds:.0f} s "
            f"({len(self.answers) / self.seconds:.1f}/s), {ok_forms} forms stored; "
            f"latency p50 {pct(0.5) * 1000:.0f} ms, p95 {pct(0.95) * 1000:.0f} ms, "
            f"p99 {pct(0.99) * 1000:.0f} ms; 5xx: {dict(self.server_errors())}, "
            f"no answer: {self.unanswered()} {dict(Counter(a.error for a in self.answers if a.error))}"
            f"; by status: {dict(self.statuses)}"
        )


async def _visitor(
    base: str, pages: list[str], introduce_path: str, deadline: float, result: LoadResult
) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(
        base_url=base, timeout=TIMEOUT, limits=httpx.Limits(max_connections=1)
    ) as client:
        token = ""
        while time.monotonic() < deadline:
            roll = rng.random()
            if not token or roll >= FORM_SHARE:
                kind, path = "page", rng.choice(pages) if token else REGISTER_PATH
                method, data, marker = "GET", None, ""
            else:
                if roll < FORM_SHARE / 2:
                    kind, path = "registration", REGISTER_PATH
                    marker = f"Loadtown {uuid.uuid4().hex[:12]}"
                    data = city_registration(token, marker)
                else:
                    kind, path = "introduction", introduce_path
                    marker = f"Load test {uuid.uuid4().hex[:12]}"
                    data = introduction_request(token, marker)
                method = "POST"
            started, error = time.monotonic(), ""
            try:
                response = await client.request(method, path, data=data)
                status = response.status_code
            except httpx.HTTPError as exc:
                status, error = 0, type(exc).__name__
            result.answers.append(Answer(started, time.monotonic(), kind, status, marker, error))
            if status == 503:
                result.samples_503.setdefault(path[:4], response.text)
            if status == 200 and path == REGISTER_PATH and method == "GET":
                token = csrf_token(response.text)
            elif status == 0:
                await asyncio.sleep(0.2)


async def _run(
    bases: list[str], pages: list[str], introduce_path: str, connections: int, seconds: float
) -> LoadResult:
    result = LoadResult(seconds)
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(
        *(
            _visitor(bases[i % len(bases)], pages, introduce_path, deadline, result)
            for i in range(connections)
        )
    )
    result.seconds = max((a.finished for a in result.answers), default=deadline) - start
    return result


def run_load(
    bases: list[str], pages: list[str], introduce_path: str, connections: int, seconds: float
) -> LoadResult:
    """Keep `connections` visitors busy for `seconds`, spread over the given instances."""
    return asyncio.run(_run(bases, pages, introduce_path, connections, seconds))
