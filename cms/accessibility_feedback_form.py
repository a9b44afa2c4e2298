"""The public form of the accessibility statement, and the e-mail that tells moderators of a report."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from matching.forms import HoneypotMixin
from matching.notifications import notify_moderators
from matching.submissions import SubmissionKeyMixin

from .accessibility_feedback import AccessibilityFeedback


class AccessibilityFeedbackForm(SubmissionKeyMixin, HoneypotMixin):
    page_address = forms.CharField(
        label=_("Which page or document?"),
        max_length=500,
        required=False,
        help_text=_("Its address or title, if the barrier is on one page."),
    )
    message = forms.CharField(
        label=_("What got in your way?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Optional: only if you would like an answer. Only programme staff see it."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the RESCOM programme stores my e-mail address to answer this feedback."
        ),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("email") and not data.get("consent"):
            self.add_error(
                "consent", _("Please give your consent, or leave the e-mail address empty.")
            )
        return data


def feedback_received(feedback: AccessibilityFeedback) -> int:
    with override(settings.LANGUAGE_CODE):
        return notify_moderators(
            gettext("Accessibility feedback received"),
            gettext("A visitor reported an accessibility barrier."),
            reverse("wagtailsnippets_cms_accessibilityfeedback:edit", args=[feedback.pk]),
        )
