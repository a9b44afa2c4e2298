"""Redis stopped under load and started again: no 5xx, the right words, and the page cache back.

The test runs a redis-server of its own (another port, nothing saved, so it restarts empty)
and two gunicorn instances on the throwaway PostgreSQL cluster. Visitors read pages and the
APIs and send registrations, each from an address of its own on loopback, so the per-address
limits stay on as in production. While Redis is down a separate process publishes a change:
after Redis is back, no visitor may see the page from before it.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from markupsafe import escape

from tests.html_forms import city_registration, csrf_token
from tests.live_servers import (
    ThrowawayRedis,
    app_instances,
    free_port,
    live_pages,
    manage,
    scalar,
    stored_markers,
)
from tests.load_client import Answer, LoadResult

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

VISITORS = int(os.environ.get("RESCOM_REDIS_VISITORS", "12"))
BEFORE_SECONDS = 8.0  # of load before Redis stops
OUTAGE_SECONDS = float(os.environ.get("RESCOM_REDIS_OUTAGE_SECONDS", "5"))
AFTER_SECONDS = 5.0  # of load once the page cache serves hits again
LOAD_LIMIT = 180.0  # the visitors stop by then, whatever happened
RECOVERY_LIMIT = 10.0  # seconds from Redis answering to every cacheable page a hit again
FORMS_PER_VISITOR = 3  # below the 10 an hour each address may store
API_PATHS = ["/api/v1/cities/", "/api/v2/pages/"]
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(url_path=%r).specific
page.title = %r
page.save_revision().publish()
"""


def title_of(body: str) -> str:
    found = TITLE.search(body)
    return found.group(1).strip() if found else ""


class Expected:
    """What each answer should say: a page its <title> as first served, the APIs some items;
    once the publish has returned, the story and its listing the new title and not the old."""

    def __init__(self, titles: dict[str, str], story: str, old_title: str, new_title: str):
        self.titles = titles
        self.story = story
        self.showing_story = {story, "/en/stories/"}
        self.old_title, self.new_title = old_title, new_title
        self.published_at: float | None = None

    def says_what_it_should(self, path: str, started: float, body: str) -> bool:
        if path in API_PATHS:
            return bool(json.loads(body)["items"])
        title = title_of(body)
        if self.published_at is not None and started > self.published_at:
            if path in self.showing_story:
                old = (self.old_title, html.escape(self.old_title), str(escape(self.old_title)))
                return self.new_title in body and not any(o in body for o in old)
        elif path == self.story:  # the publish may have committed before its command ended
            return title == self.titles[path] or self.new_title in title
        return title == self.titles[path]


async def visitor(
    n: int,
    base: str,
    pages: list[str],
    expected: Expected,
    events: tuple[threading.Event, threading.Event],
    out: dict,
) -> None:
    """Read pages and the APIs, now and then register a city, until told to stop.

    One registration before the outage, the others kept for while Redis is down: cached
    pages come fast enough that they would otherwise all be sent before it.
    """
    down, stop = events
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{10 + n}")
    paths = pages + API_PATHS
    forms_left, turn = FORMS_PER_VISITOR, 0
    async with httpx.AsyncClient(base_url=base, transport=transport, timeout=60) as client:
        token = ""
        while not stop.is_set():
            turn += 1
            post = None
            may_send = forms_left == FORMS_PER_VISITOR or down.is_set()
            if token and forms_left and may_send and turn % 7 == 0:
                forms_left -= 1
                post = city_registration(token, f"Loadtown {uuid.uuid4().hex[:12]}")
                post["submission"] = str(uuid.uuid4())
                kind, path = "registration", "/en/register/"
            else:
                path = paths[(n + turn) % len(paths)] if token else "/en/register/"
                kind = "page"
            started = time.monotonic()
            try:
                if post is None:
                    response = await client.get(path)
                else:
                    response = await client.post(path, data=post)
                status, body, error = response.status_code, response.text, ""
            except httpx.HTTPError as exc:
                status, body, error = 0, "", type(exc).__name__
            marker = post["name"] if post else ""
            answer = Answer(started, time.monotonic(), kind, status, marker, error)
            out["result"].answers.append(answer)
            if status == 200 and path == "/en/register/" and post is None:
                token = csrf_token(body)
            elif status == 200 and not expected.says_what_it_should(path, started, body):
                out["wrong"].append((path, title_of(body)))
            if status == 200 and response.headers.get("X-Page-Cache") == "hit":
                out["hits"].add(id(answer))
            await asyncio.sleep(0.05)


def run_visitors(bases, pages, expected, events) -> dict:
    out = {"result": LoadResult(0), "wrong": [], "hits": set()}

    async def everyone():
        await asyncio.gather(
            *(
                visitor(n, bases[n % len(bases)], pages, expected, events, out)
                for n in range(VISITORS)
            )
        )

    started = time.monotonic()
    asyncio.run(everyone())
    out["result"].seconds = time.monotonic() - started
    return out


def read_twice(base: str, path: str) -> tuple[bool, str]:
    """Whether the second of two reads came from the page cache, and its body."""
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get(path)
        second = client.get(path)
    assert second.status_code == 200, (path, second.status_code)
    return second.headers.get("X-Page-Cache") == "hit", second.text


def wait_for_hits(bases: list[str], paths: list[str], limit: float) -> float:
    """Seconds until every path is served from the cache on every instance again."""
    started = time.monotonic()
    waiting = {(b, p) for b in bases for p in paths}
    while waiting and time.monotonic() - started < limit:
        waiting = {(b, p) for b, p in waiting if not read_twice(b, p)[0]}
        time.sleep(0.2)
    assert not waiting, f"no hits {limit}s after Redis came back: {sorted(waiting)}"
    return time.monotonic() - started


def p50(seconds: list[float]) -> float:
    return sorted(seconds)[len(seconds) // 2] * 1000 if seconds else 0.0


def test_the_site_answers_uncached_while_redis_is_down_and_caches_again_after(live_database):
    pages, _introduce = live_pages(live_database)
    story = pages[4]  # /en/stories/<slug>/, served from the tree's /home/stories/<slug>/
    url_path = "/home/" + story.split("/", 2)[2]
    ports = (free_port(8510), free_port(8520))
    with (
        ThrowawayRedis(free_port(26380)) as redis_server,
        app_instances(live_database, ports, CACHE_URL=redis_server.url) as instances,
    ):
        bases = [i.url for i in instances]
        warm = {p: read_twice(bases[0], p) for p in pages}
        cacheable = [p for p, (hit, _body) in warm.items() if hit]
        assert story in cacheable and "/en/stories/" in cacheable, cacheable
        old_title = scalar(
            live_database, "SELECT title FROM wagtailcore_page WHERE url_path = %s", url_path
        )
        new_title = f"Library after hours {uuid.uuid4().hex[:6]}"
        titles = {p: title_of(body) for p, (_hit, body) in warm.items()}
        expected = Expected(titles, story, old_title, new_title)

        down, stop = threading.Event(), threading.Event()
        with ThreadPoolExecutor(1) as pool:
            load = pool.submit(run_visitors, bases, pages, expected, (down, stop))
            try:
                time.sleep(BEFORE_SECONDS)
                redis_server.stop()
                down_at = time.monotonic()
                down.set()
                # Another process publishes meanwhile: its bumps of the generation are lost.
                publish = PUBLISH % (url_path, new_title)
                manage(live_database, "shell", "-c", publish, CACHE_URL=redis_server.url)
                expected.published_at = time.monotonic()
                for base in bases:  # read while down: the new words, nothing from the cache
                    for path in pages:
                        started = time.monotonic()
                        response = httpx.get(base + path, timeout=60)
                        assert response.status_code == 200, path
                        assert response.headers.get("X-Page-Cache") != "hit", path
                        assert expected.says_what_it_should(path, started, response.text), path
                time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - down_at)))
                up_at = time.monotonic()
                redis_server.start()
                recovery = wait_for_hits(bases, cacheable, RECOVERY_LIMIT)
                recovered_at = time.monotonic()
                time.sleep(AFTER_SECONDS)
            finally:
                stop.set()
                out = load.result(timeout=LOAD_LIMIT)
        logs = "\n".join(i.log_tail(20) for i in instances)

    result: LoadResult = out["result"]
    answers = result.answers

    def phase(start: float, end: float) -> list[Answer]:
        return [a for a in answers if start <= a.started and a.finished <= end]

    during = phase(down_at, up_at)
    after = phase(recovered_at, float("inf"))
    page_seconds = {
        name: [a.finished - a.started for a in chosen if a.kind == "page" and a.status == 200]
        for name, chosen in (
            ("before", phase(0, down_at)),
            ("during", during),
            ("after", after),
        )
    }
    print(
        f"\nRedis restart: down {up_at - down_at:.1f} s, {len(during)} requests meanwhile;"
        f" every cacheable page a hit again {recovery:.1f} s after Redis started;"
        f" page p50 before/during/after: "
        + "/".join(f"{p50(s):.0f}" for s in page_seconds.values())
        + f" ms; {result.summary()}"
        f"\nok/failed answers by second from the stop: {result.timeline(down_at)}"
    )

    assert not result.server_errors(), result.summary() + "\n" + logs
    assert result.unanswered() == 0, result.summary()
    assert {a.status for a in answers} <= {200, 302}, result.summary()
    assert out["wrong"] == [], out["wrong"][:10]
    assert len(during) > VISITORS, "hardly any load while Redis was down"
    assert not any(id(a) in out["hits"] for a in during), "a hit while Redis was down"
    assert any(id(a) in out["hits"] for a in after), "no hits under load after Redis came back"

    sent = result.markers("registration")
    stored = Counter(m for m in stored_markers(live_database, "registration") if m in sent)
    assert sent and result.markers("registration", succeeded=False) == []
    assert {m: stored[m] for m in sent if stored[m] != 1} == {}, "lost or doubled"
    assert any(a.kind == "registration" for a in during), "no registration while Redis was down"
