"""Values every public template reads: the content generation and the caches its fragments use."""

from django.conf import settings
from django.http import HttpRequest

from cms import page_cache

SHARED = "default"


def content_generation(request: HttpRequest) -> dict:
    """The content generation that keys the `{% cache %}` fragments, and the cache they use.

    Any content change moves the generation, so no fragment outlives the content it shows.
    `frame_cache` holds the header (menu, language links); `content_cache` the head's links
    and the page's content with the footer, which are drawn afresh for a preview (an unsaved draft) and for any request
    but a GET. A page whose content belongs to one visitor (a form with its token) sets
    `content_cache` to `settings.FRAGMENTS_UNCACHED` (Django's dummy cache, which stores
    nothing) in its own context, which wins over this one. With the cache out of reach
    both are uncached: everything is drawn, nothing stored.
    """
    uncached = settings.FRAGMENTS_UNCACHED
    generation = getattr(request, "content_generation", None)  # read by the page cache
    try:
        if generation is None:
            generation = page_cache.current_generation()
    except Exception:  # a backend that raises on a lost connection: render without the cache
        generation = None
    values = {"content_seconds": settings.PAGE_CACHE_SECONDS}
    if generation is None or not page_cache.is_known(generation):
        return values | {
            "content_generation": None,
            "frame_cache": uncached,
            "content_cache": uncached,
        }
    shared_content = request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False)
    return values | {
        "content_generation": generation,
        "frame_cache": SHARED,
        "content_cache": SHARED if shared_content else uncached,
    }
