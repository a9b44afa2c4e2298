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

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.message[:60]}"
