"""A shared page cache for anonymous visitors, emptied at once by a generation bump on any change.

Every stored page carries the generation it was rendered under; one cache round trip
fetches both the current generation and the page, and a page of an older generation is
a miss. Any change to content a page may show bumps the generation (`cms.cache_invalidation`),
so no visitor sees a stale page after publishing, on any app instance sharing the cache.

With the cache out of reach every page is rendered and nothing is stored; a process that
saw it fail bumps the generation once it is back, as a change made meanwhile could not
(docs/decisions/cache-outage.md).
"""

import hashlib
import logging
import re
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:page:"
#: Never cached: the editor, documents (their privacy is checked per request), files.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
#: Headers a response may vary on that the key already covers (no visitor cookie; the language).
KEYED_VARY = {"cookie", "accept-language"}
POST_FORM = re.compile(rb"<form[^>]*method=[\"']?post", re.IGNORECASE)


logger = logging.getLogger(__name__)
#: Set when this process found the cache out of reach: a bump may have been lost meanwhile.
_missed_bumps = threading.Event()


def current_generation() -> int:
    """The content generation; while the cache is out of reach, one that no stored entry carries."""
    return _checked(cache.get(GENERATION_KEY))


def is_known(generation: int) -> bool:
    """False for a generation made up while the cache was out of reach: store nothing under it."""
    return generation > 0


def _checked(generation: int | None) -> int:
    """The generation read from the cache, made anew if missing or if a bump may have been lost."""
    if generation is None:
        return _start_generation()
    if _missed_bumps.is_set():
        _missed_bumps.clear()
        return bump_generation()
    return generation


def _start_generation() -> int:
    # A clock value, so a lost generation key (Redis restarted empty) never brings back a
    # number that old pages or frame fragments carry.
    start = time.time_ns()
    added = cache.add(GENERATION_KEY, start, None)
    if added is None:  # django-redis's answer, neither True nor False, to an error it ignored
        return _out_of_reach()
    if added:
        _missed_bumps.clear()  # a new generation already
        return start
    generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else _out_of_reach()


def _out_of_reach() -> int:
    if not _missed_bumps.is_set():
        _missed_bumps.set()
        logger.warning(
            "Cache out of reach: pages are served uncached, and emptied once it is back."
        )
    return -time.time_ns()


def bump_generation() -> int:
    """Make every stored page a miss, on every app instance sharing the cache; the new generation.

    With the cache out of reach the bump waits until this process reaches it again.
    """
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or the cache restarted empty
        return _start_generation()
    if generation is None:  # django-redis ignored an error
        return _out_of_reach()
    return generation


def page_key(request: HttpRequest, language: str) -> str:
    """One entry per scheme, host, path, query string and language."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(f"{language} {address}".encode()).hexdigest()


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET with no session or messages cookie: a visitor whose page is the same for everyone."""
    return (
        request.method == "GET"
        and not request.path_info.startswith(UNCACHED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_shareable(request: HttpRequest, response: HttpResponse, language: str) -> bool:
    """Nothing in the response belongs to one visitor: no cookie, form token, message or login."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.get("Content-Language", language) != language:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - KEYED_VARY:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return b"csrfmiddlewaretoken" not in response.content and not POST_FORM.search(response.content)


class PageCacheMiddleware:
    """Serve anonymous GETs from the shared cache; place it right after WhiteNoise.

    Placed that early, a hit skips sessions, CSRF and every other middleware, while the
    stored headers are those the full stack added (content policy, language, framing).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE or not is_anonymous_read(request):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=True)
        key = page_key(request, language)
        found = cache.get_many([GENERATION_KEY, key])  # {} when the cache is out of reach
        generation = _checked(found.get(GENERATION_KEY))
        request.content_generation = generation
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            _generation, status, content, headers = entry
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_known(generation) and is_shareable(request, response, language):
            entry = (generation, response.status_code, response.content, dict(response.headers))
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response
