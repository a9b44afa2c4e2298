"""Many concurrent visitors over real HTTP: page reads and form submissions with CSRF tokens.

Each visitor holds one keep-alive connection and its own cookies, and loops until the
deadline: mostly reading pages, now and then registering a city or asking for an
introduction, each submission marked so that it can be found in the database afterwards.
Like a person, a visitor whose submission failed (an error page, no answer) sends the same
form again, key included, at its next turn, and once more at the end.
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

from tests.html_forms import city_registration, csrf_token, introduction_request

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


@dataclass
class _Post:
    kind: str
    path: str
    data: dict
    marker: str


def _new_post(rng: random.Random, token: str, introduce_path: str) -> _Post:
    if rng.random() < 0.5:
        marker = f"Loadtown {uuid.uuid4().hex[:12]}"
        data = city_registration(token, marker)
        post = _Post("registration", REGISTER_PATH, data, marker)
    else:
        marker = f"Load test {uuid.uuid4().hex[:12]}"
        post = _Post("introduction", introduce_path, introduction_request(token, marker), marker)
    post.data["submission"] = str(uuid.uuid4())  # the form's own key, as the page gives it
    return post


async def _send(
    client: httpx.AsyncClient, result: LoadResult, kind: str, path: str, post: _Post | None = None
) -> tuple[int, str]:
    """One request, recorded; its status (0: no answer) and body."""
    started, error, text = time.monotonic(), "", ""
    try:
        if post is None:
            response = await client.get(path)
        else:
            response = await client.post(path, data=post.data)
        status, text = response.status_code, response.text
    except httpx.HTTPError as exc:
        status, error = 0, type(exc).__name__
    marker = post.marker if post else ""
    result.answers.append(Answer(started, time.monotonic(), kind, status, marker, error))
    if status == 503:
        result.samples_503.setdefault(path[:4], text)
    return status, text


async def _visitor(
    base: str, pages: list[str], introduce_path: str, deadline: float, result: LoadResult
) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(
        base_url=base, timeout=TIMEOUT, limits=httpx.Limits(max_connections=1)
    ) as client:
        token, failed = "", None
        while time.monotonic() < deadline:
            if token and (failed or rng.random() < FORM_SHARE):
                post = failed or _new_post(rng, token, introduce_path)
                status, _text = await _send(client, result, post.kind, post.path, post)
                # An error page or no answer: the visitor waits a moment and sends it again.
                failed = post if status == 0 or status >= 500 else None
                if failed:
                    await asyncio.sleep(1)
            else:
                path = rng.choice(pages) if token else REGISTER_PATH
                status, text = await _send(client, result, "page", path)
                if status == 200 and path == REGISTER_PATH:
                    token = csrf_token(text)
            if status == 0:
                await asyncio.sleep(0.2)
        if failed:  # one last try once the run is over
            await _send(client, result, failed.kind, failed.path, failed)


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
