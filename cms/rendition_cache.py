"""Image renditions looked up per process, for as long as the site's content stays the same.

Wagtail looks up each rendition a page shows in its "renditions" cache and writes it back
every time: two round trips to the shared cache per image per view. A rendition only
changes with its image, and a change to an image or a removed rendition bumps the content
generation every instance shares (`cms.cache_invalidation`), so a process may keep them under
that generation: rows, as Wagtail's own cache keeps them, never rendered output. Outside a
public read (the admin, previews, commands) nothing is kept and Wagtail reads the database.
"""

import functools
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from wagtail.images.models import Filter

from matching.structure_cache import window_generation


@functools.cache
def image_filter(spec: str) -> Filter:
    """The one `Filter` for `spec` in this process (specs are our templates' own).

    Wagtail builds a new one for every image shown, and parsing its operations inspects
    their signatures each time; a filter holds nothing but its spec.
    """
    if not Filter.pipe_spec_pattern.match(spec):
        raise ValueError(f"not an image filter spec: {spec!r}")
    return Filter(spec)


class RenditionCache(LocMemCache):
    """A local-memory cache whose entries belong to the content generation they were stored in."""

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        generation = window_generation()
        return default if generation is None else super().get(key, default, generation)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        # Wagtail writes back each rendition it has just read: a key is only ever stored once.
        generation = window_generation()
        if generation is not None and not super().has_key(key, generation):
            super().set(key, value, timeout, generation)

    def delete(self, key: str, version: int | None = None) -> bool:
        generation = window_generation()
        return generation is not None and super().delete(key, generation)
