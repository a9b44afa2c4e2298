"""Messages a person sends the programme: a question from the contact page, a barrier report
from the accessibility statement. Staff read them in the admin and answer by e-mail."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contacts.consent import ContactDetails


class MessageTopic(models.TextChoices):
    TAKING_PART = "taking-part", _("Taking part in the programme")
    CONTENT = "content", _("A story, learning lab or event")
    PARTNER_CITIES = "partner-cities", _("Partner cities and introductions")
    PRESS = "press", _("Press and media")
    OTHER = "other", _("Something else")


class ProgrammeMessage(ContactDetails):
    """A visitor writing to the programme from the contact page, so no one's address is published."""

    topic = models.CharField(
        _("topic"), max_length=20, choices=MessageTopic.choices, default=MessageTopic.OTHER
    )
    about = models.CharField(
        _("about the page"),
        max_length=500,
        blank=True,
        help_text=_("The story, lab or event the message is about, if any."),
    )
    message = models.TextField(_("message"), max_length=5000)
    handled = models.BooleanField(_("answered"), default=False)

    personal_texts = ("about", "message")

    class Meta:
        verbose_name = _("message to the programme")
        verbose_name_plural = _("messages to the programme")
        ordering = ["-created_at"]
        # The app's own permissions, for every record of a person's details (contacts.privacy).
        permissions = [
            ("view_contact", _("Can see contact details of applications and introductions")),
            ("manage_personal_data", _("Can export and erase a person's data")),
        ]

    def __str__(self) -> str:
        # No name, address or text: a visitor may have written who they are into the message.
        return f"Message #{self.pk}"

    def request_data(self) -> dict:
        return {"topic": self.topic, "about": self.about, "message": self.message}

    def concerns(self) -> str:
        return gettext("This concerns the message you sent to the programme on %(date)s.") % {
            "date": date_format(self.created_at, "DATE_FORMAT")
        }

    def confirmation(self) -> tuple[str, str]:
        return (
            gettext("RESCOM: we received your message"),
            gettext("Thank you: programme staff will read your message and answer you."),
        )


class AccessibilityFeedback(models.Model):
    """A barrier a visitor met, reported from the accessibility statement, for staff to answer.

    The EU Web Accessibility Directive asks public-sector sites for a feedback mechanism; this
    is it. The e-mail address is optional, and kept only with consent.
    """

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
    #: The form's own key (contacts.submissions): a report sent twice is stored once.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # No message text: a visitor may have written their name into it.
        return f"Feedback #{self.pk} of {self.created_at:%Y-%m-%d}"

    def personal_data(self) -> dict:
        """What the staff export gives the person who sent it (contacts.privacy)."""
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
