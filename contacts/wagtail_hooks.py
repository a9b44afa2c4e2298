"""Admin for the people who write to the programme: their messages, barrier reports, and the
staff tool that exports or erases one person's data."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contacts.admin_panels import VIEW_CONTACT, ContactInspectView, contact_panels
from contacts.admin_views import can_manage_personal_data, personal_data_view
from contacts.models import AccessibilityFeedback, ProgrammeMessage
from contacts.privacy import ERASE_ACTION, EXPORT_ACTION, WITHDRAW_ACTION


class ProgrammeMessageViewSet(SnippetViewSet):
    """What visitors wrote from the contact page; staff answer by e-mail and mark it answered."""

    model = ProgrammeMessage
    icon = "mail"
    menu_label = _("Messages")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["topic", "created_at", "consent_language", "handled", "erased_at"]
    list_filter = ["handled", "topic", "consent_language"]
    inspect_view_enabled = True
    inspect_view_class = ContactInspectView
    panels = [
        FieldPanel("topic", read_only=True),
        FieldPanel("about", read_only=True, permission=VIEW_CONTACT),
        FieldPanel("message", read_only=True, permission=VIEW_CONTACT),
        *contact_panels(),
        FieldPanel("handled"),
    ]


class AccessibilityFeedbackViewSet(SnippetViewSet):
    """Barriers visitors reported from the accessibility statement; staff mark them handled."""

    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Accessibility feedback")
    list_display = ["created_at", "page_address", "language", "handled"]
    list_filter = ["handled", "language"]
    panels = [
        FieldPanel("page_address", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("email", read_only=True, permission=VIEW_CONTACT),
        FieldPanel("language", read_only=True),
        FieldPanel("handled"),
    ]


register_snippet(ProgrammeMessageViewSet)
register_snippet(AccessibilityFeedbackViewSet)


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("contacts/personal-data/", personal_data_view, name="contacts_personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_manage_personal_data(request.user)


@hooks.register("register_admin_menu_item")
def personal_data_menu():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("contacts_personal_data"), icon_name="user", order=270
    )


@hooks.register("register_log_actions")
def personal_data_log_actions(actions) -> None:
    actions.register_action(ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))
    actions.register_action(
        WITHDRAW_ACTION, _("Withdraw consent"), _("Consent withdrawn, personal data erased")
    )
    actions.register_action(EXPORT_ACTION, _("Export personal data"), _("Personal data exported"))
