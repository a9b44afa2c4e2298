"""Rows read from the database built by Django's model constructor alone."""

from django.db import models


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
