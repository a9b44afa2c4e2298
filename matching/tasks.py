"""Background work: recompute stored suggestions when profiles or weights change."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task

from . import services
from .models import City, CityStatus
from .suggestions import MatchingWeights


@task()
def recompute_suggestions_task() -> int:
    """Runs in a worker in production (django-tasks-db); returns the RecomputeRun id."""
    return services.recompute_suggestions().pk


def schedule_recompute() -> None:
    """Queue one recompute once the current transaction commits (ids, never personal data)."""
    transaction.on_commit(recompute_suggestions_task.enqueue)


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
