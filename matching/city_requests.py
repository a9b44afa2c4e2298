"""What a city asks of the programme: a profile to review, an introduction to a partner.

Both keep the contact details of the person who asked, with their consent
(contacts.consent.ContactDetails), and are registered with contacts.privacy from
MatchingConfig.ready(), so retention, export, erasure and withdrawal cover them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contacts.consent import ContactDetails


def _city_names(cities) -> dict:
    """Each city's name in the active language (imported here: matching.display needs the models)."""
    from matching.display import city_names

    return city_names(cities)


class CityApplication(ContactDetails):
    """A city registering its profile: who filled it in, for staff to check with."""

    city = models.ForeignKey("matching.City", on_delete=models.CASCADE, related_name="applications")

    class Meta:
        verbose_name = _("city application")
        verbose_name_plural = _("city applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Application #{self.pk} for city #{self.city_id}"

    def request_data(self) -> dict:
        return {"city": {"name": self.city.name, "country": self.city.country.code}}

    def concerns(self) -> str:
        return gettext("This concerns the profile you sent for %(city)s.") % {
            "city": _city_names([self.city])[self.city_id]
        }

    def confirmation(self) -> tuple[str, str]:
        return gettext("RESCOM: we received your city's profile"), gettext(
            "Thank you: programme staff will review the profile of %(city)s and write to you."
        ) % {"city": _city_names([self.city])[self.city_id]}


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

    def request_data(self) -> dict:
        return {
            "from_city": {"name": self.from_city.name, "country": self.from_city.country.code},
            "to_city": {"name": self.to_city.name, "country": self.to_city.country.code},
            "message": self.message,
            "outcome": self.outcome,
            "outcome_note": self.outcome_note,
        }

    def concerns(self) -> str:
        names = _city_names([self.from_city, self.to_city])
        return gettext("This concerns your request to introduce %(from)s to %(to)s.") % {
            "from": names[self.from_city_id],
            "to": names[self.to_city_id],
        }

    def confirmation(self) -> tuple[str, str]:
        names = _city_names([self.from_city, self.to_city])
        return gettext("RESCOM: we received your introduction request"), gettext(
            "Thank you: programme staff will read your request and introduce %(from)s to %(to)s."
        ) % {"from": names[self.from_city_id], "to": names[self.to_city_id]}
