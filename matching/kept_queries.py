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

from django.db import connections
from django.db.models import QuerySet

#: Above this many compiled shapes a query starts afresh (shapes are few; this bounds a leak).
MAX_SHAPES = 200
#: Arguments and list items one query may take (the two sets of stand-ins must not meet).
MAX_STAND_INS = 9_999

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
        if not _compiles_alike(args):
            return list(self.build(*args, **fixed))
        return self._compiled(args, fixed, ()).run(args)

    def window(self, start: int, stop: int, *args: Argument, **fixed: Hashable) -> list[Any]:
        """Rows `start` to `stop` of the results (a page of a listing)."""
        if stop <= start:
            return []
        if not _compiles_alike(args):
            return list(self.build(*args, **fixed)[start:stop])
        return self._compiled(args, fixed, ("window", start, stop)).run(args)

    def count(self, *args: Argument, **fixed: Hashable) -> int:
        """How many rows there are, counted by the database."""
        if not _compiles_alike(args):
            return self.build(*args, **fixed).count()
        return self._compiled(args, fixed, ("count",)).count(args)

    def _compiled(self, args: tuple, fixed: dict, form: tuple) -> "_Compiled":
        key = (form, tuple(_shape(arg) for arg in args), tuple(sorted(fixed.items())))
        compiled = self._kept.get(key)
        if compiled is None:
            if len(self._kept) >= MAX_SHAPES:
                self._kept.clear()
            compiled = self._kept[key] = _Compiled(self.build, args, fixed, form)
        return compiled


class KeptListing:
    """A kept query's results for Django's Paginator: the count and each page run kept.

    `read_first(n)` reads the first page before the Paginator counts: when it holds fewer
    than `n` rows it is the whole listing, and no count query is needed (a filtered list
    often fits on one page).
    """

    def __init__(self, query: KeptQuery, *args: Argument, **fixed: Hashable):
        self.query, self.args, self.fixed = query, args, fixed
        self._first: list[Any] | None = None
        self._first_asked = 0

    def read_first(self, n: int) -> None:
        self._first, self._first_asked = self[0:n], n

    def _whole(self) -> list[Any] | None:
        if self._first is not None and len(self._first) < self._first_asked:
            return self._first
        return None

    def count(self) -> int:
        whole = self._whole()
        return len(whole) if whole is not None else self.query.count(*self.args, **self.fixed)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, rows: slice) -> list[Any]:
        start, stop = rows.start or 0, rows.stop
        first = self._first
        if first is not None and (stop <= self._first_asked or self._whole() is not None):
            return first[start:stop]
        return self.query.window(start, stop, *self.args, **self.fixed)


class _Compiled:
    def __init__(self, build: Callable[..., QuerySet], args: tuple, fixed: dict, form: tuple):
        # Compiled twice with two sets of stand-ins: the parameters that differ are the
        # arguments' places; any that are alike are the query's own constants.
        first, second = (_stand_ins(args, base) for base in (10_000, 20_000))
        self.queryset, self.compiler, self.sql, params = _compile(build(*first, **fixed), form)
        other = _compile(build(*second, **fixed), form)[3]
        self.params = list(params)
        self._converters: tuple | None = None
        places = dict(_places(first))
        # Where each argument (or list item) goes among the parameters.
        self.slots: list[tuple[int, int, int | None]] = []
        for index, (param, param_then) in enumerate(zip(params, other, strict=True)):
            if param != param_then:
                if param not in places:
                    raise ValueError(
                        f"an argument of {build.__qualname__} does not reach the SQL unchanged"
                    )
                self.slots.append((index, *places[param]))
        if missing := {place for _value, place in _places(first)} - {s[1:] for s in self.slots}:
            raise ValueError(
                f"argument {min(missing)[0]} of {build.__qualname__} does not reach the SQL"
            )

    def _params(self, args: tuple) -> tuple:
        params = list(self.params)
        for index, n, item_no in self.slots:
            params[index] = args[n] if item_no is None else args[n][item_no]
        return tuple(params)

    def run(self, args: tuple) -> list[Any]:
        compiler = copy.copy(self.compiler)
        # This thread's own connection: the one it was compiled on may belong to another.
        compiler.connection = connections[self.queryset.db]
        kept = (self.sql, self._params(args))
        compiler.as_sql = lambda *a, **k: kept
        compiler.get_converters = self._kept_converters(compiler)
        queryset = self.queryset._chain()
        # Only this private copy runs the kept SQL; it never leaves this function.
        queryset.query.get_compiler = lambda *a, **k: compiler
        return list(queryset)

    def _kept_converters(self, compiler) -> Callable[[list], dict]:
        """The compiler's `get_converters`, worked out once per connection and columns.

        Django asks every column of every row-reading query for its converters on each run.
        """
        find = compiler.get_converters

        def get_converters(expressions: list) -> dict:
            key = (compiler.connection, *map(id, expressions))
            kept = self._converters
            if kept is None or kept[0] != key:
                kept = self._converters = (key, find(expressions))
            return kept[1]

        return get_converters

    def count(self, args: tuple) -> int:
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(self.sql, self._params(args))
            return cursor.fetchone()[0]


def _compiles_alike(args: tuple) -> bool:
    """False when the arguments change the query's form or outnumber the stand-ins."""
    lists = [arg for arg in args if isinstance(arg, list | tuple)]
    # Django answers `pk__in=[]` itself, without SQL.
    return all(lists) and len(args) + sum(map(len, lists)) <= MAX_STAND_INS


def _shape(arg: Argument) -> tuple:
    if isinstance(arg, bool) or not isinstance(arg, int | str | list | tuple):
        raise TypeError(f"a kept query takes ids and strings, not {type(arg).__name__}")
    if isinstance(arg, list | tuple):
        return (type(arg[0]).__name__ if arg else None, len(arg))
    return (type(arg).__name__,)


def _stand_ins(args: tuple, base: int) -> list:
    """Values no real argument has, distinct for every argument and list item.

    Small enough for any integer column: Django answers a lookup with a value beyond a
    column's range itself, without the SQL.
    """
    numbers = itertools.count(base)
    return [
        [_stand_in(item, next(numbers)) for item in arg]
        if isinstance(arg, list | tuple)
        else _stand_in(arg, next(numbers))
        for arg in args
    ]


def _stand_in(arg: int | str, number: int) -> int | str:
    return number if isinstance(arg, int) else f"\x00kept-{number}\x00"


def _places(stand_ins: list) -> Iterator[tuple[Any, tuple[int, int | None]]]:
    for n, stand_in in enumerate(stand_ins):
        if isinstance(stand_in, list):
            yield from ((item, (n, item_no)) for item_no, item in enumerate(stand_in))
        else:
            yield stand_in, (n, None)


def _compile(queryset: QuerySet, form: tuple) -> tuple:
    if form[:1] == ("window",):
        queryset = queryset[form[1] : form[2]]
    elif form == ("count",):
        queryset = queryset.order_by().values_list("pk")
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    if form == ("count",):
        # Django's own compiled SQL, parameters apart: nothing from a visitor is spliced in.
        sql = f"SELECT COUNT(*) FROM ({sql}) counted"  # noqa: S608
    return queryset, compiler, sql, params
