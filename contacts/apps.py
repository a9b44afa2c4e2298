from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        from contacts.models import AccessibilityFeedback, ProgrammeMessage
        from contacts.privacy import register_contact_model, register_holder

        register_contact_model(ProgrammeMessage, export_as="messages_to_the_programme")
        register_holder(AccessibilityFeedback, export_as="accessibility_feedback")
