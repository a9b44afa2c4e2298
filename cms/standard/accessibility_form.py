"""The public form of the accessibility statement: a barrier a visitor met, for staff to answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.honeypot import HoneypotMixin
from contacts.submissions import SubmissionKeyMixin
from matching.forms import PublicForm


class AccessibilityFeedbackForm(SubmissionKeyMixin, HoneypotMixin, PublicForm):
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
