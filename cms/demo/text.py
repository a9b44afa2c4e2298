"""Reading the demo texts (fixtures/demo/*.json): each text is {"en": ..., "uk": ..., "ro": ...}.

The same texts give the English page and, as source → target maps, its translations.
"""

import json
import uuid
from collections.abc import Iterator
from html import escape
from pathlib import Path

from django.conf import settings

DEMO_FIXTURES = Path(settings.FIXTURE_DIRS[0]) / "demo"
SOURCE = settings.LANGUAGE_CODE


def read(name: str) -> dict:
    return json.loads((DEMO_FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def text(value: dict | None) -> str:
    """The source-language text of a {language: text} dict."""
    return (value or {}).get(SOURCE, "")


def _texts(data) -> Iterator[dict]:
    """Every {language: text} dict anywhere inside `data`."""
    if isinstance(data, dict):
        if isinstance(data.get(SOURCE), str):
            yield data
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def string_map(data, language: str) -> dict[str, str]:
    """Source → `language` for every text in `data`, as plain text and as it reads inside rich text."""
    strings = {}
    for item in _texts(data):
        source, target = item[SOURCE], item.get(language)
        if source and target:
            strings[source] = target
            strings[escape(source, quote=False)] = escape(target, quote=False)
    return strings


def languages_of(data) -> list[str]:
    """The other languages `data` has texts in."""
    found = {code for item in _texts(data) for code in item if item.get(code)}
    return [code for code, _name in settings.LANGUAGES if code in found and code != SOURCE]


def paragraphs_html(values: list[dict]) -> str:
    return "".join(f"<p>{escape(text(v), quote=False)}</p>" for v in values)


def list_html(values: list[dict], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    items = "".join(f"<li>{escape(text(v), quote=False)}</li>" for v in values)
    return f"<{tag}>{items}</{tag}>"


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def stream(blocks: list[dict], pages: dict | None = None) -> list[dict]:
    """StreamField data (BaseStreamBlock) from the fixtures' simple block list."""
    pages = pages or {}
    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            out.append(_block("paragraph", paragraphs_html([block["text"]])))
        elif kind == "list":
            out.append(_block("paragraph", list_html(block["items"], block.get("ordered", False))))
        elif kind == "heading":
            out.append(_block("heading", {"text": text(block["text"])}))
        elif kind == "quote":
            value = {"quote": text(block["quote"]), "attribution": text(block.get("attribution"))}
            out.append(_block("quote", value))
        elif kind == "cta":
            page = pages.get(block.get("link_page"))
            value = {
                "title": text(block["title"]),
                "text": text(block.get("text")),
                "link_page": page.pk if page else None,
                "link_url": block.get("link_url", ""),
                "link_text": text(block["link_text"]),
            }
            out.append(_block("call_to_action", value))
        else:
            raise ValueError(f"Unknown demo block type {kind!r}")
    return out
