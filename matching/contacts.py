"""Personal data the site keeps: who applied for a city, who asked for an introduction, who
wrote to the programme.

Kept apart from City so that profiles, exports, the API and the engine never carry it; only
staff with the "view contact details" permission see it, and it is erased when consent is
withdrawn, on request (matching.privacy) or after the retention period (matching.retention).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
    #: The form's own key (matching.submissions): a form sent twice is stored once.
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


class CityApplication(ContactDetails):
    """A city registering its profile: who filled it in, for staff to check with."""

    city = models.ForeignKey("matching.City", on_delete=models.CASCADE, related_name="applications")

    class Meta:
        verbose_name = _("city application")
        verbose_name_plural = _("city applications")
        ordering = ["-created_at"]
        permissions = [
            ("view_contact", _("Can see contact details of applications and introductions")),
            ("manage_personal_data", _("Can export and erase a person's data")),
        ]

    def __str__(self) -> str:
        return f"Application #{self.pk} for city #{self.city_id}"


class IntroductionOutcome(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DECLINED = "declined", _("Declined")
    INTRODUCED = "introduced", _("Introduced")
    MET = "met", _("Met")
    VISITED = "visited", _("Visited")
    SIGNED = "signed", _("Partnership signed")


class IntroductionRequest(ContactDetails):
    """A city asking staff to introduce it to a suggested partner; staff record what came of it."""

    from_city = models.ForeignKey(
        "matching.City", on_delete=models.CASCADE, related_name="introductions_requested"
    )
    to_city = models.ForeignKey(
        "matching.City", on_delete=models.CASCADE, related_name="introductions_received"
    )
    message = models.TextField(_("why this partner"), max_length=2000)
    score_at_request = models.FloatField(null=True, blank=True, editable=False)
    components_at_request = models.JSONField(default=dict, blank=True, editable=False)
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=IntroductionOutcome.choices,
        default=IntroductionOutcome.REQUESTED,
    )
    outcome_note = models.TextField(
        _("outcome note"), blank=True, help_text=_("E.g. why it was declined.")
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    personal_texts = ("message", "outcome_note")

    class Meta:
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Introduction #{self.pk}: city #{self.from_city_id} → city #{self.to_city_id}"


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

    def __str__(self) -> str:
        # No name, address or text: a visitor may have written who they are into the message.
        return f"Message #{self.pk}"
