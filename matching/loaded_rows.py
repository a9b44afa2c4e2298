"""Rows read from the database built by Django's model constructor alone."""

import functools

from django.db import models
from django.db.models.base import DEFERRED


class PlainRowInit:
    """Put first among a clusterable model's bases (Wagtail pages, cities).

    modelcluster's constructor walks every field of the model to find child relations
    passed as arguments, and Wagtail's page constructors fill in a new page's content type
    and menu default. None of it applies to a row Django reads (its columns come as
    positional arguments, the primary key first), yet the walk took about half the time of
    building a page for a card.
    """

    def __init__(self, *args, **kwargs):
        if args and args[0] is not None and not kwargs:
            models.Model.__init__(self, *args)
        else:
            super().__init__(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        """Django's, with deferred columns placed by positions worked out once per column list.

        Django looks each of the model's fields up in the list of columns read, for every
        row: for a page with a few columns deferred (a card), hundreds of comparisons a row.
        """
        if len(values) != len(cls._meta.concrete_fields):
            values = [
                DEFERRED if i is None else values[i] for i in _places(cls, tuple(field_names))
            ]
        return super().from_db(db, field_names, values)


@functools.cache
def _places(model: type[models.Model], field_names: tuple[str, ...]) -> tuple[int | None, ...]:
    """For each concrete field of `model`, its place among the columns read (None: deferred)."""
    place = {name: i for i, name in enumerate(field_names)}
    return tuple(place.get(field.attname) for field in model._meta.concrete_fields)
