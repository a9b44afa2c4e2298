"""Erasing contact details once they are no longer needed (CONTACT_RETENTION_MONTHS)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from contacts.privacy import CONTACT_MODELS, OTHER_HOLDERS


def retention_cutoff(now=None, months: int | None = None):
    months = settings.CONTACT_RETENTION_MONTHS if months is None else months
    return (now or timezone.now()) - timedelta(days=round(months * 30.44))


@transaction.atomic
def erase_expired_contacts(now=None, months: int | None = None) -> int:
    """Erase the contact details of every contact-bearing record older than the retention period."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now, months)
    erased = 0
    for model in CONTACT_MODELS:
        for record in model.objects.filter(created_at__lt=cutoff, erased_at__isnull=True):
            record.erase_contact(now)
            erased += 1
    for model in OTHER_HOLDERS:
        for record in model.objects.filter(created_at__lt=cutoff, erased_at__isnull=True):
            record.erase_contact(now)
            erased += 1
    return erased
