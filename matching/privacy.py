"""One person's data, found by e-mail address: export it as JSON, erase it, log that it happened.

Every model that stores a person's contact details is listed in CONTACT_MODELS; the retention
command, the withdrawal link and the staff tools all go through it, so a new model added here
is covered everywhere. The audit log records what was erased, never whose data it was.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .contacts import CityApplication, ContactDetails, IntroductionRequest, ProgrammeMessage

CONTACT_MODELS: tuple[type[ContactDetails], ...] = (
    CityApplication,
    IntroductionRequest,
    ProgrammeMessage,
)

#: Models of other apps that keep an optional e-mail address (the accessibility feedback),
#: registered from their AppConfig.ready(), since matching imports no other app. Each has
#: `email`, `created_at`, `erased_at`, `erase_contact(when, withdrawn)` and `personal_data()`.
OTHER_HOLDERS: list[type] = []


def register_holder(model: type) -> None:
    """Bring another app's model under export, erasure and retention."""
    if model not in OTHER_HOLDERS:
        OTHER_HOLDERS.append(model)


def holders_of(email: str) -> list:
    """Other apps' records still holding this address."""
    email = email.strip()
    if not email:
        return []
    return [
        record
        for model in OTHER_HOLDERS
        for record in model.objects.filter(email__iexact=email, erased_at__isnull=True)
    ]


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


def _consent(record: ContactDetails) -> dict:
    return {
        "given_at": record.consent_given_at.isoformat(),
        "wording_version": record.consent_version,
        "language": record.consent_language,
        "withdrawn_at": (
            record.consent_withdrawn_at.isoformat() if record.consent_withdrawn_at else None
        ),
    }


def _contact(record: ContactDetails) -> dict:
    return {
        "name": record.contact_name,
        "role": record.contact_role,
        "email": record.contact_email,
    }


def export_person(email: str) -> dict:
    """Everything the site holds about the person with this address, as JSON-ready data."""
    records = records_of(email)
    applications = [r for r in records if isinstance(r, CityApplication)]
    introductions = [r for r in records if isinstance(r, IntroductionRequest)]
    messages = [r for r in records if isinstance(r, ProgrammeMessage)]
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "city_applications": [
            {
                "id": a.pk,
                "created_at": a.created_at.isoformat(),
                "city": {"name": a.city.name, "country": a.city.country.code},
                "contact": _contact(a),
                "consent": _consent(a),
            }
            for a in applications
        ],
        "introduction_requests": [
            {
                "id": i.pk,
                "created_at": i.created_at.isoformat(),
                "from_city": {"name": i.from_city.name, "country": i.from_city.country.code},
                "to_city": {"name": i.to_city.name, "country": i.to_city.country.code},
                "message": i.message,
                "outcome": i.outcome,
                "outcome_note": i.outcome_note,
                "contact": _contact(i),
                "consent": _consent(i),
            }
            for i in introductions
        ],
        "messages_to_the_programme": [
            {
                "id": m.pk,
                "created_at": m.created_at.isoformat(),
                "topic": m.topic,
                "about": m.about,
                "message": m.message,
                "contact": _contact(m),
                "consent": _consent(m),
            }
            for m in messages
        ],
        **{
            str(model._meta.verbose_name_plural).replace(" ", "_"): [
                record.personal_data() for record in holders_of(email) if type(record) is model
            ]
            for model in OTHER_HOLDERS
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
