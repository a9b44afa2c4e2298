"""Telling staff (an e-mail to the moderators, no personal data in it, with a link to the admin),
and confirming to the person who wrote, in their language, with a link to withdraw consent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override

from .contacts import CityApplication, ContactDetails, ProgrammeMessage
from .display import city_names
from .withdrawal import withdrawal_url

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


def application_received(application) -> int:
    with override(settings.LANGUAGE_CODE):
        city = application.city
        return notify_moderators(
            gettext("New city profile to review: %(city)s") % {"city": city.name},
            gettext("%(city)s (%(country)s) registered its profile and waits for review.")
            % {"city": city.name, "country": city.country.code},
            reverse("wagtailsnippets_matching_city:edit", args=[city.pk]),
        )


def introduction_requested(introduction) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Introduction requested: %(from)s → %(to)s")
            % {"from": introduction.from_city.name, "to": introduction.to_city.name},
            gettext("%(from)s asks to be introduced to %(to)s.")
            % {"from": introduction.from_city.name, "to": introduction.to_city.name},
            reverse("wagtailsnippets_matching_introductionrequest:edit", args=[introduction.pk]),
        )


def message_received(message: ProgrammeMessage) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Message to the programme: %(topic)s") % {"topic": message.get_topic_display()},
            gettext("A visitor wrote to the programme and waits for an answer."),
            reverse("wagtailsnippets_matching_programmemessage:edit", args=[message.pk]),
        )


def confirm_to_person(record: ContactDetails) -> int:
    """Tell the person what was stored and how to withdraw consent: one click on a signed link."""
    with override(record.consent_language or settings.LANGUAGE_CODE):
        if isinstance(record, ProgrammeMessage):
            subject = gettext("RESCOM: we received your message")
            what = gettext("Thank you: programme staff will read your message and answer you.")
        elif isinstance(record, CityApplication):
            subject = gettext("RESCOM: we received your city's profile")
            what = gettext(
                "Thank you: programme staff will review the profile of %(city)s and write to you."
            ) % {"city": city_names([record.city])[record.city_id]}
        else:
            names = city_names([record.from_city, record.to_city])
            subject = gettext("RESCOM: we received your introduction request")
            what = gettext(
                "Thank you: programme staff will read your request and introduce %(from)s to %(to)s."
            ) % {"from": names[record.from_city_id], "to": names[record.to_city_id]}
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
