"""Each filled-in form carries a key of its own, so that sending it twice stores it once.

A visitor may send the same form again: a reload of the answer, a double click, or a retry
after the connection dropped while the server was committing (the row stored, the answer
lost). The key is drawn when the empty form is shown, travels in a hidden field (kept when
the form comes back with errors), and is stored, unique, with the record; a post whose key
is already stored gets the same thank-you, and nothing is stored or sent again.
"""

import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest

from contacts.form_limits import count_submission

T = TypeVar("T", bound=models.Model)


def as_key(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value or ""))
    except ValueError:
        return None


class SubmissionKeyMixin(forms.Form):
    submission = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4())

    def clean_submission(self) -> uuid.UUID | None:
        # A damaged key is not the visitor's mistake, never an error: stored without a key.
        return as_key(self.cleaned_data.get("submission"))


def stored_before(model: type[T], data) -> T | None:
    """The record stored under the key a post carries, looked up before the form is checked:
    a resent registration would otherwise be refused, its city now having a profile."""
    key = as_key(data.get("submission"))
    return model.objects.filter(submission_key=key).first() if key else None


def store_once(model: type[T], key: uuid.UUID | None, create: Callable[[], T]) -> tuple[T, bool]:
    """The record stored under `key`, and whether this call stored it (`create` sets the key).

    Two copies racing each other meet at the unique key: the loser's transaction is rolled
    back, everything `create` wrote with it, and it answers with the winner's record.
    """
    if key is not None:
        existing = model.objects.filter(submission_key=key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(submission_key=key).first() if key else None
        if existing is None:
            raise
        return existing, False


def accept_submission(
    request: HttpRequest,
    model: type[T],
    key: uuid.UUID | None,
    create: Callable[[], T],
    rate_group: str,
    tell: Iterable[Callable[[T], object]],
) -> T:
    """Store a valid form once; only a first copy counts against the limit and is told of.

    Each of `tell` runs after the commit, robustly: a failed e-mail is logged, and the visitor,
    whose form is stored, is not told it failed (and so never sends it twice).
    """
    record, stored = store_once(model, key, create)
    if stored:
        count_submission(request, rate_group)
        for action in tell:
            transaction.on_commit(lambda action=action: action(record), robust=True)
    return record
