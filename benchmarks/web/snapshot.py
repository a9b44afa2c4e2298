"""The demo site's public pages as normalised HTML, to compare what visitors get before and after a change.

    python -m benchmarks.web.snapshot write OUTDIR      # with the dev settings' database
    python -m benchmarks.web.snapshot compare BEFORE AFTER

`write` renders every live page in every language, plus filtered listings, searches, the
finder, feeds, calendars and the APIs, with the page cache off; per-form keys, CSRF tokens
and time stamps are normalised. `compare` lists the files that differ once white space,
the two spellings of an escaped apostrophe and the random suffix of a re-made rendition's
file name are set aside.
"""

import hashlib
import os
import re
import sys
from pathlib import Path

#: Per-request values that differ between two renders of the same content.
NORMALISED = [
    (
        re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'),
        'name="csrfmiddlewaretoken" value="X"',
    ),
    (re.compile(r'name="submission" value="[^"]*"'), 'name="submission" value="X"'),
    (re.compile(r"DTSTAMP:\S+"), "DTSTAMP:X"),
    (re.compile(r"<lastBuildDate>[^<]*</lastBuildDate>"), "<lastBuildDate/>"),
    (re.compile(r"<updated>[^<]*</updated>"), "<updated/>"),
]
#: What a browser shows the same: both escapes of ', a rendition file's random suffix.
SET_ASIDE = [
    (re.compile(r"&#x27;|&#39;"), "'"),
    (re.compile(r"(demo-[a-z0-9-]+)_[A-Za-z0-9]{7}\."), r"\1."),
    (re.compile(r"\s+"), ""),
]


def paths() -> list[str]:
    from wagtail.models import Page

    from matching.models import City

    found = sorted({url for page in Page.objects.live().specific() if (url := page.get_url())})
    slugs = list(City.objects.filter(status="approved").values_list("slug", flat=True)[:6])
    for lang in ("en", "uk", "ro"):
        found += [
            f"/{lang}/stories/?page=2", f"/{lang}/stories/?country=ua", f"/{lang}/stories/?year=abc",
            f"/{lang}/search/?q=library", f"/{lang}/search/?q=бібліотека", f"/{lang}/search/?q=Rivne",
            f"/{lang}/feeds/stories/", f"/{lang}/feeds/events/", f"/{lang}/calendar/upcoming.ics",
            f"/{lang}/nope/", f"/{lang}/events/?page=abc", f"/{lang}/learning-labs/",
        ]  # fmt: skip
        for slug in slugs:
            found += [f"/{lang}/cities/{slug}/", f"/{lang}/partner-finder/?city={slug}"]
        found += [
            f"/{lang}/partner-finder/?q=ca", f"/{lang}/partner-finder/?city=md-cahul&country=se",
            f"/{lang}/cities/?country=ua", f"/{lang}/cities/?page=2",
        ]  # fmt: skip
    found += ["/api/v1/cities/", "/sitemap.xml", "/robots.txt", "/api/v2/pages/?limit=5"]
    for slug in slugs[:3]:
        found += [f"/api/v1/cities/{slug}/", f"/api/v1/cities/{slug}/partners?top=5&lang=uk"]
    return found


def write(out: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["PAGE_CACHE"] = "false"
    import django

    django.setup()
    from django.test import Client

    out.mkdir(parents=True, exist_ok=True)
    client, index = Client(), []
    for path in paths():
        response = client.get(path, HTTP_HOST="127.0.0.1:8000")
        body = response.content.decode("utf-8", "replace")
        for pattern, replacement in NORMALISED:
            body = pattern.sub(replacement, body)
        if path.endswith(".ics"):  # time-zone blocks come in no fixed order
            body = "\n".join(sorted(body.splitlines()))
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", path).strip("_")[:120]
        name += "-" + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()[:6] + ".html"
        (out / name).write_text(f"<!-- {path} {response.status_code} -->\n{body}")
        index.append(f"{response.status_code} {path}")
    (out / "INDEX.txt").write_text("\n".join(index) + "\n")
    print(f"{len(index)} pages written to {out}")


def seen(text: str) -> str:
    for pattern, replacement in SET_ASIDE:
        text = pattern.sub(replacement, text)
    return text


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in before.iterdir())
    differ = [
        name
        for name in names
        if not (after / name).exists()
        or seen((before / name).read_text()) != seen((after / name).read_text())
    ]
    for name in differ:
        print("differs:", name)
    print(f"{len(differ)} of {len(names)} files differ")
    return 1 if differ else 0


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["write", out]:
            write(Path(out))
        case ["compare", before, after]:
            sys.exit(compare(Path(before), Path(after)))
        case _:
            sys.exit(__doc__)
