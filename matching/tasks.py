"""Background work: recompute stored suggestions when profiles or weights change."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task

from matching import services
from matching.models import City, CityStatus
from matching.suggestions import MatchingWeights


@task()
def recompute_suggestions_task() -> int:
    """Runs in a worker in production (django-tasks-db); returns the RecomputeRun id."""
    return services.recompute_suggestions().pk


_batching: ContextVar[bool] = ContextVar("recompute_batching", default=False)


def _enqueue() -> None:
    recompute_suggestions_task.enqueue()


def schedule_recompute() -> None:
    """Queue a recompute once the current transaction commits (inside a batch: once at its end)."""
    if not _batching.get():
        transaction.on_commit(_enqueue)


@contextmanager
def one_recompute():
    """Save many cities, recompute once: bulk imports use this."""
    token = _batching.set(True)
    try:
        yield
    finally:
        _batching.reset(token)
    schedule_recompute()


@receiver(post_save, sender=City, dispatch_uid="recompute-on-city-save")
def _city_saved(sender, instance: City, raw: bool = False, **kwargs) -> None:
    # Unclaimed directory entries and drafts never reach the engine; approving or editing
    # an approved profile, or withdrawing one, changes everyone's suggestions.
    if raw:
        return
    if instance.status == CityStatus.APPROVED or instance.was_approved:
        schedule_recompute()


@receiver(post_save, sender=MatchingWeights, dispatch_uid="recompute-on-weights-save")
def _weights_saved(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        schedule_recompute()
