"""Rows every page reads and editors rarely change, kept per process between content changes.

Which page a path leads to, which sections are private, the menu, the section pages a
page links to: each page view reads the same few rows around the page itself. Every change
to them bumps a content generation kept in the cache all app instances share (the page
cache's, in `cms`). Within a window opened for a public read, `remember` keeps a value
under the generation it was read in and reads again once the generation has moved, so a
publish on any instance reaches every other at its next request.

This is reference data, not a page or fragment cache: rendered output is never kept.
Outside a window (the admin, previews, form posts, commands) the rows are read every time.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db.models import Q
from django.urls import get_script_prefix
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

T = TypeVar("T")
#: Above this many entries a process starts afresh (paths are many; sites and menus few).
MAX_ENTRIES = 5000

_entries: dict[tuple, tuple[int, Any]] = {}


class _Window:
    """One request's generation, read at the first `remember` (many requests need none)."""

    def __init__(self, read_generation: Callable[[], int]):
        self._read = read_generation
        self._generation: int | None = None

    @property
    def generation(self) -> int:
        if self._generation is None:
            self._generation = self._read()
        return self._generation


_window: ContextVar[_Window | None] = ContextVar("structure_cache_window", default=None)


@contextmanager
def window(read_generation: Callable[[], int]) -> Iterator[None]:
    """Within it `remember` keeps values, all under the one generation `read_generation` gives."""
    token = _window.set(_Window(read_generation))
    try:
        yield
    finally:
        _window.reset(token)


def in_window() -> bool:
    return _window.get() is not None


def window_generation() -> int | None:
    """The content generation of this public read; None outside one."""
    current = _window.get()
    return None if current is None else current.generation


def remember(key: tuple, compute: Callable[[], T]) -> T:
    """`compute()`'s value for `key`, kept until the generation moves (outside a window: fresh)."""
    if _window.get() is None:
        return compute()
    found, value = _kept(key)
    if not found:
        value = compute()
        keep(key, value)
    return value


def recall(key: tuple) -> Any:
    """The value kept for `key` in this window's generation; None if there is none."""
    return _kept(key)[1]


def keep(key: tuple, value: Any) -> None:
    """Keep `value` for `key` in this window's generation (outside a window: nothing)."""
    current = _window.get()
    if current is not None:
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key] = (current.generation, value)


def _kept(key: tuple) -> tuple[bool, Any]:
    current = _window.get()
    entry = _entries.get(key) if current is not None else None
    if entry is not None and entry[0] == current.generation:
        return True, entry[1]
    return False, None


def remember_for_host(request, key: tuple, compute: Callable[[], T]) -> T:
    """`remember`, per host: page addresses are relative on the request's own site only."""
    host = None
    if request is not None:
        # Asked for every link on a page; Django checks the host against ALLOWED_HOSTS each time.
        host = request.__dict__.get("_structure_host") or request.get_host()
        request._structure_host = host
    return remember((*key, host), compute)


def page_url(request, page, scope: tuple | None = None) -> str | None:
    """`page.get_url(request)`, worked out once per process for each page, language and host.

    Wagtail reverses its serving URL under the page's language for every link, a few dozen
    on a page (menu, footer, language switcher, cards); the address is site structure.
    `scope` is `url_scope()` where the caller has it already.
    """
    key = ("url", page.url_path, *(scope or url_scope()))
    return remember_for_host(request, key, lambda: page.get_url(request))


def full_page_url(request, page) -> str | None:
    """`page.get_full_url(request)`, kept as `page_url` is."""
    key = ("full-url", page.url_path, *url_scope())
    return remember_for_host(request, key, lambda: page.get_full_url(request))


def url_scope() -> tuple[str | None, str]:
    """What a page's address depends on besides the page and host.

    The active language picks a variant of the page's own; the script prefix starts it.
    """
    return get_language(), get_script_prefix()


def forget_all() -> None:
    """Drop everything this process keeps (tests that roll the database back use it)."""
    _entries.clear()


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (kept; few on any site)."""
    return remember(
        ("restricted-paths",),
        lambda: tuple(
            sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        ),
    )


def public(queryset: PageQuerySet, private: tuple[str, ...] | None = None) -> PageQuerySet:
    """Wagtail's `public()`, without reading every view restriction on each call.

    `private` is `restricted_paths()` read by the caller, for a query that keeps its SQL.
    """
    paths = restricted_paths() if private is None else private
    if not paths:
        return queryset
    excluded = Q()
    for path in paths:
        excluded |= Q(path__startswith=path)
    return queryset.exclude(excluded)
