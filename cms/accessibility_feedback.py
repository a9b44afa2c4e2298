"""Feedback on the accessibility statement: a barrier a visitor met, kept for staff to answer.

The EU Web Accessibility Directive asks public-sector sites for a feedback mechanism; this is
it. Staff see submissions in the admin (Snippets); the form lives in accessibility_feedback_form.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    page_address = models.CharField(
        _("page"), max_length=500, blank=True, help_text=_("Where the visitor met the barrier.")
    )
    message = models.TextField(_("message"), max_length=3000)
    email = models.EmailField(_("e-mail address"), blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=12)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    #: The form's own key (matching.submissions): a report sent twice is stored once.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # No message text: a visitor may have written their name into it.
        return f"Feedback #{self.pk} of {self.created_at:%Y-%m-%d}"

    def personal_data(self) -> dict:
        """What the staff export gives the person who sent it (matching.privacy)."""
        return {
            "id": self.pk,
            "received_at": self.created_at.isoformat(),
            "page": self.page_address,
            "message": self.message,
            "email": self.email,
            "language": self.language,
            "consent_given_at": self.consent_given_at.isoformat()
            if self.consent_given_at
            else None,
        }

    def erase_contact(self, when, withdrawn: bool = False) -> None:
        """On request or after the retention period: the address and the free text go."""
        self.email = ""
        self.message = ""
        self.erased_at = when
        self.save(update_fields=["email", "message", "erased_at"])
