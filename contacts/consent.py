"""A person's contact details, kept with their consent: the stored fields and the form's fields.

Kept apart from what a record is about (a city, a message), so that profiles, exports, the API
and the engine never carry it; only staff with the "view contact details" permission see it,
and it is erased when consent is withdrawn, on request (contacts.privacy) or after the
retention period (contacts.retention).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from contacts.honeypot import HoneypotMixin
from contacts.submissions import SubmissionKeyMixin

#: Bumped whenever the consent wording in the forms changes; stored with each consent.
CONSENT_VERSION = "2026-11"


class ContactDetails(models.Model):
    contact_name = models.CharField(_("your name"), max_length=120)
    contact_role = models.CharField(_("your role"), max_length=120, blank=True)
    contact_email = models.EmailField(_("your e-mail address"))
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(
        _("consent wording version"), max_length=20, default=CONSENT_VERSION
    )
    consent_language = models.CharField(_("consent language"), max_length=10)
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    #: The form's own key (contacts.submissions): a form sent twice is stored once.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        abstract = True

    #: Free texts a person wrote, or staff wrote about them: erased with the contact details.
    personal_texts: tuple[str, ...] = ()

    def erase_contact(self, when, withdrawn: bool = False) -> None:
        """Remove the person's details but keep the record of what happened."""
        self.contact_name = self.contact_role = ""
        self.contact_email = f"erased-{self.pk}@invalid"
        self.erased_at = when
        if withdrawn and self.consent_withdrawn_at is None:
            self.consent_withdrawn_at = when
        for field in self.personal_texts:
            setattr(self, field, "")
        self.save()

    def request_data(self) -> dict:
        """What the person asked for, in their export (beside their details and consent)."""
        return {}

    def concerns(self) -> str:
        """Which request this is, in the active language: the withdrawal page names it."""
        raise NotImplementedError

    def confirmation(self) -> tuple[str, str]:
        """The subject and first line of the e-mail that confirms the request to the person."""
        raise NotImplementedError

    def personal_data(self) -> dict:
        """Everything the export gives the person about this record (contacts.privacy)."""
        return {
            "id": self.pk,
            "created_at": self.created_at.isoformat(),
            **self.request_data(),
            "contact": {
                "name": self.contact_name,
                "role": self.contact_role,
                "email": self.contact_email,
            },
            "consent": {
                "given_at": self.consent_given_at.isoformat(),
                "wording_version": self.consent_version,
                "language": self.consent_language,
                "withdrawn_at": (
                    self.consent_withdrawn_at.isoformat() if self.consent_withdrawn_at else None
                ),
            },
        }


def consent_wording() -> str:
    """The consent box's words in the active language (formatted per use, not at import)."""
    months = settings.CONTACT_RETENTION_MONTHS
    return ngettext(
        "I agree that the RESCOM programme stores my name, role and e-mail address to handle this "
        "request, for up to %(months)s month. I can withdraw this consent at any time.",
        "I agree that the RESCOM programme stores my name, role and e-mail address to handle this "
        "request, for up to %(months)s months. I can withdraw this consent at any time.",
        months,
    ) % {"months": months}


class ContactFields(SubmissionKeyMixin, HoneypotMixin):
    """The fields of a form that stores a person's details: who they are, and their consent."""

    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    contact_role = forms.CharField(label=_("Your role"), max_length=120, required=False)
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only programme staff see it; it is never shown to other cities or visitors."),
    )
    consent = forms.BooleanField(
        label=lazy(consent_wording, str)(),
        error_messages={"required": _("Please give your consent so that staff can contact you.")},
    )

    def contact_record(self, language: str | None = None) -> dict:
        """What every contact record stores of this form: the person, their consent, its key."""
        data = self.cleaned_data
        return {
            "contact_name": data["contact_name"],
            "contact_role": data["contact_role"],
            "contact_email": data["contact_email"],
            "consent_given_at": timezone.now(),
            "consent_language": language or get_language(),
            "submission_key": data.get("submission"),
        }
