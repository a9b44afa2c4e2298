"""What the admin shows of a person's details, and to whom: names, addresses, roles and the
words people wrote only to staff with the "view contact details" permission."""

from datetime import datetime

from django.utils import formats, timezone
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import InspectView

#: Who may see names, e-mail addresses, roles and messages of the people who wrote.
VIEW_CONTACT = "contacts.view_contact"
PERSONAL_FIELDS = (
    "contact_name",
    "contact_role",
    "contact_email",
    "about",
    "message",
    "outcome_note",
)


class ContactInspectView(InspectView):
    """The inspect view leaves out personal fields for staff without the contact permission."""

    def get_fields(self):
        fields = super().get_fields()
        if self.request.user.has_perm(VIEW_CONTACT):
            return fields
        return [name for name in fields if name not in PERSONAL_FIELDS]

    def get_field_display_value(self, field_name, field):
        """Times in the admin's time zone, as the listings show them (Wagtail's shows UTC)."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime):
            return formats.localize(timezone.localtime(value))
        return value


def contact_panels() -> list[FieldPanel]:
    """The person and their consent, read-only: staff answer them, never edit them."""
    return [
        FieldPanel("contact_name", read_only=True, permission=VIEW_CONTACT),
        FieldPanel("contact_role", read_only=True, permission=VIEW_CONTACT),
        FieldPanel("contact_email", read_only=True, permission=VIEW_CONTACT),
        FieldPanel("consent_given_at", read_only=True),
        FieldPanel("consent_version", read_only=True),
        FieldPanel("consent_language", read_only=True),
        FieldPanel("consent_withdrawn_at", read_only=True),
        FieldPanel("erased_at", read_only=True),
    ]
