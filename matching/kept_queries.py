"""Querysets compiled once per process and run again with each call's arguments.

Django compiles a queryset's SQL afresh every time it runs. For the few queries every page
view makes (the page itself, the newest stories, a city's partners) compiling takes several
times longer than the database takes to answer. A `KeptQuery` builds its queryset once with
stand-in arguments, keeps the compiled SQL, and runs it with the real arguments in their
place: the same SQL, the same model instances (select_related and prefetch_related too).
Only SQL is kept; every call reads its rows afresh.
"""

import copy
import itertools
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any

from django.db.models import QuerySet

#: Above this many compiled shapes a query starts afresh (shapes are few; this bounds a leak).
MAX_SHAPES = 200

Argument = int | str | Sequence[int] | Sequence[str]


class KeptQuery:
    """`build(*args, **fixed)`'s results, compiled once per shape of `args` and value of `fixed`.

    `args` are ids and strings (or lists of them) that reach the SQL as parameters unchanged;
    a list's length is part of the shape. `fixed` values (a model, a limit, the private
    paths) shape the SQL itself and are passed to `build` as they are.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._kept: dict[tuple, _Compiled] = {}

    def __call__(self, *args: Argument, **fixed: Hashable) -> list[Any]:
        if any(isinstance(arg, list | tuple) and not arg for arg in args):
            # An empty list changes the query's form (Django answers `pk__in=[]` itself).
            return list(self.build(*args, **fixed))
        key = (tuple(_shape(arg) for arg in args), tuple(sorted(fixed.items())))
        compiled = self._kept.get(key)
        if compiled is None:
            if len(self._kept) >= MAX_SHAPES:
                self._kept.clear()
            compiled = self._kept[key] = _Compiled(self.build, args, fixed)
        return compiled.run(args)


class _Compiled:
    def __init__(self, build: Callable[..., QuerySet], args: tuple, fixed: dict):
        numbers = itertools.count(1)
        stand_ins = [_stand_in(arg, numbers) for arg in args]
        self.queryset = build(*stand_ins, **fixed)
        self.compiler = self.queryset.query.get_compiler(using=self.queryset.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        # Where each argument (or list item) goes among the parameters.
        self.slots: list[tuple[int, int, int | None]] = []
        for n, stand_in in enumerate(stand_ins):
            items = stand_in if isinstance(stand_in, list) else [stand_in]
            for item_no, item in enumerate(items):
                found = [i for i, param in enumerate(self.params) if param == item]
                if not found:
                    raise ValueError(
                        f"argument {n} of {build.__qualname__} does not reach the SQL unchanged"
                    )
                slot_item = item_no if isinstance(stand_in, list) else None
                self.slots.extend((i, n, slot_item) for i in found)

    def run(self, args: tuple) -> list[Any]:
        params = list(self.params)
        for index, n, item_no in self.slots:
            params[index] = args[n] if item_no is None else args[n][item_no]
        compiler = copy.copy(self.compiler)
        compiler.as_sql = lambda *a, **k: (self.sql, tuple(params))
        queryset = self.queryset._chain()
        # Only this private copy runs the kept SQL; it never leaves this function.
        queryset.query.get_compiler = lambda *a, **k: compiler
        return list(queryset)


def _shape(arg: Argument) -> tuple:
    if isinstance(arg, bool) or not isinstance(arg, int | str | list | tuple):
        raise TypeError(f"a kept query takes ids and strings, not {type(arg).__name__}")
    if isinstance(arg, list | tuple):
        return (type(arg[0]).__name__ if arg else None, len(arg))
    return (type(arg).__name__,)


def _stand_in(arg: Argument, numbers: Iterator[int]) -> Any:
    """A value no real argument has, distinct for every argument and list item."""
    if isinstance(arg, list | tuple):
        return [_stand_in(item, numbers) for item in arg]
    n = next(numbers)
    return -(7_000_000_000 + n) if isinstance(arg, int) else f"\x00kept-{n}\x00"
