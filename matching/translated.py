"""Wording looked up once per process for each language, where Django translates on every use."""

import functools
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.utils.translation import get_language

T = TypeVar("T")


def per_language(function: Callable[[Hashable], T]) -> Callable[[Hashable], T]:
    """`function(key)`, kept for each active language and key (keys from a fixed vocabulary).

    For translations only: Django itself loads its catalogues once per process, so a kept
    translation is never staler than Django's own.
    """
    kept: dict[tuple[str | None, Hashable], T] = {}

    @functools.wraps(function)
    def wrapper(key: Hashable) -> T:
        index = (get_language(), key)
        try:
            return kept[index]
        except KeyError:
            value = kept[index] = function(key)
            return value

    return wrapper
