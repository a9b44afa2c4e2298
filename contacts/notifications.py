"""Telling staff (an e-mail to the moderators, no personal data in it, with a link to the admin),
and confirming to the person who wrote, in their language, with a link to withdraw consent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override

from contacts.consent import ContactDetails
from contacts.models import AccessibilityFeedback, ProgrammeMessage
from contacts.withdrawal import withdrawal_url

MODERATORS_GROUP = "Moderators"


def moderator_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS_GROUP)
    addresses = set(settings.MODERATORS_EMAIL) | {u.email for u in users if u.email}
    return sorted(addresses)


def notify_moderators(subject: str, body: str, admin_path: str) -> int:
    """Send in the site's default language; staff open the admin for details."""
    recipients = moderator_addresses()
    if not recipients:
        return 0
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path
    return send_mail(subject, f"{body}\n\n{link}\n", settings.DEFAULT_FROM_EMAIL, recipients)


def message_received(message: ProgrammeMessage) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Message to the programme: %(topic)s") % {"topic": message.get_topic_display()},
            gettext("A visitor wrote to the programme and waits for an answer."),
            reverse("wagtailsnippets_contacts_programmemessage:edit", args=[message.pk]),
        )


def feedback_received(feedback: AccessibilityFeedback) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Accessibility feedback received"),
            gettext("A visitor reported an accessibility barrier."),
            reverse("wagtailsnippets_contacts_accessibilityfeedback:edit", args=[feedback.pk]),
        )


def confirm_to_person(record: ContactDetails) -> int:
    """Tell the person what was stored and how to withdraw consent: one click on a signed link."""
    with override(record.consent_language or settings.LANGUAGE_CODE):
        subject, what = record.confirmation()
        body = "\n\n".join(
            [
                what,
                ngettext(
                    "With your consent we keep your name, role and e-mail address to handle "
                    "this request, for up to %(months)s month.",
                    "With your consent we keep your name, role and e-mail address to handle "
                    "this request, for up to %(months)s months.",
                    settings.CONTACT_RETENTION_MONTHS,
                )
                % {"months": settings.CONTACT_RETENTION_MONTHS},
                gettext(
                    "To withdraw your consent and erase your details, open this link and confirm:"
                ),
                withdrawal_url(record),
            ]
        )
    return send_mail(subject, body + "\n", settings.DEFAULT_FROM_EMAIL, [record.contact_email])
