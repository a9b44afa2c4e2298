"""Values every public template reads."""

from django.http import HttpRequest

from cms import page_cache


def content_generation(request: HttpRequest) -> dict:
    """The page cache's content generation, which keys the frame's `{% cache %}` fragments.

    Any content change moves it, so a cached menu or footer never outlives the pages it
    links to. None when the cache cannot be read: the frame then renders uncached.
    """
    try:
        generation = page_cache.current_generation()
    except Exception:  # a backend that raises on a lost connection: render without the cache
        return {"content_generation": None}
    return {"content_generation": generation if page_cache.is_known(generation) else None}
