"""One person's data, found by e-mail address: export it as JSON, erase it, log that it happened.

Every model that stores a person's details registers here, from its app's AppConfig.ready()
(contacts imports no other app); the retention command, the withdrawal link and the staff
tools all go through the registry, so a model registered is covered everywhere. The audit log
records what was erased, never whose data it was.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from contacts.consent import ContactDetails

#: Models built on ContactDetails (a name, an address and consent), each with the key its
#: records are exported under.
CONTACT_MODELS: dict[type[ContactDetails], str] = {}

#: Models that keep an optional e-mail address beside a message (the accessibility feedback).
#: Each has `email`, `created_at`, `erased_at`, `erase_contact(when, withdrawn)` and
#: `personal_data()`.
OTHER_HOLDERS: dict[type, str] = {}


def register_contact_model(model: type[ContactDetails], export_as: str) -> None:
    """Bring a ContactDetails model under export, erasure, withdrawal and retention."""
    CONTACT_MODELS.setdefault(model, export_as)


def register_holder(model: type, export_as: str) -> None:
    """Bring a model with an optional `email` under export, erasure and retention."""
    OTHER_HOLDERS.setdefault(model, export_as)


def holders_of(email: str) -> list:
    """Other records still holding this address."""
    email = email.strip()
    if not email:
        return []
    return [
        record
        for model in OTHER_HOLDERS
        for record in model.objects.filter(email__iexact=email, erased_at__isnull=True)
    ]


# Stored in the audit log since before this app existed: kept, so past entries still read.
ERASE_ACTION = "matching.erase_personal_data"
WITHDRAW_ACTION = "matching.withdraw_consent"
EXPORT_ACTION = "matching.export_personal_data"


def records_of(email: str) -> list[ContactDetails]:
    """Every record still holding this address (case-insensitive), oldest first."""
    email = email.strip()
    if not email:
        return []
    found: list[ContactDetails] = []
    for model in CONTACT_MODELS:
        found += model.objects.filter(contact_email__iexact=email, erased_at__isnull=True)
    return sorted(found, key=lambda record: record.created_at)


def export_person(email: str) -> dict:
    """Everything the site holds about the person with this address, as JSON-ready data."""
    records = records_of(email) + holders_of(email)
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        **{
            key: [record.personal_data() for record in records if type(record) is model]
            for model, key in (CONTACT_MODELS | OTHER_HOLDERS).items()
        },
    }


@transaction.atomic
def erase_records(records: list[ContactDetails], user=None, withdrawn: bool = False) -> int:
    """Erase each record's personal data and log it by record id only, never by address."""
    now = timezone.now()
    for record in records:
        record.erase_contact(now, withdrawn=withdrawn)
        log(
            instance=record,
            action=WITHDRAW_ACTION if withdrawn else ERASE_ACTION,
            user=user,
            title=str(record),
        )
    return len(records)


def erase_person(email: str, user=None, withdrawn: bool = False) -> int:
    """Erase every record of this address, in every app; returns how many were erased."""
    return erase_records(records_of(email) + holders_of(email), user=user, withdrawn=withdrawn)
