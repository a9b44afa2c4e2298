"""Wording looked up once per process for each language, where Django translates on every use."""

import functools
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.utils.translation import get_language, override

T = TypeVar("T")


def per_language(function: Callable[[Hashable], T]) -> Callable[[Hashable], T]:
    """`function(key)`, kept for each active language and key (keys from a fixed vocabulary).

    For translations only: Django itself loads its catalogues once per process, so a kept
    translation is never staler than Django's own. `wrapper.in_language(code)` is the same
    lookup for one language, for callers that know it already: Django keeps the active
    language in an asgiref `Local`, and reading it costs two caught AttributeErrors.
    """
    kept: dict[tuple[str | None, Hashable], T] = {}

    def lookup(language: str | None, key: Hashable) -> T:
        try:
            return kept[language, key]
        except KeyError:
            if language == get_language():
                value = function(key)
            else:
                with override(language):
                    value = function(key)
            kept[language, key] = value
            return value

    @functools.wraps(function)
    def wrapper(key: Hashable) -> T:
        return lookup(get_language(), key)

    wrapper.in_language = lambda language: functools.partial(lookup, language)
    return wrapper
