"""Admin for the matching half: the taxonomy and city profiles as snippets."""

from datetime import datetime

from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup

from .admin_forms import CityAdminForm
from .admin_views import (
    MatchingPanel,
    cohort_planner_view,
    export_profiles_view,
    learned_weights_view,
)
from .models import City, CityApplication, CityText, IntroductionRequest, ProgrammeMessage
from .personal_data_views import can_manage_personal_data, personal_data_view
from .privacy import ERASE_ACTION, EXPORT_ACTION, WITHDRAW_ACTION
from .taxonomy import ActivityType, Challenge, CultureRole, CultureTheme, ResiliencePillar


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    # Searched with the ORM: the slug and related names are not in the search index.
    search_fields = ["name", "slug"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class ChallengeViewSet(TermViewSet):
    model = Challenge
    icon = "warning"
    list_display = ["name", "group", "slug", "locale"]
    list_filter = ["locale", "group"]


class CultureThemeViewSet(TermViewSet):
    model = CultureTheme
    icon = "pick"


class CultureRoleViewSet(TermViewSet):
    model = CultureRole
    icon = "key"


class ResiliencePillarViewSet(TermViewSet):
    model = ResiliencePillar
    icon = "group"


class ActivityTypeViewSet(TermViewSet):
    model = ActivityType
    icon = "date"


class TaxonomyGroup(SnippetViewSetGroup):
    items = (
        ChallengeViewSet,
        CultureThemeViewSet,
        CultureRoleViewSet,
        ResiliencePillarViewSet,
        ActivityTypeViewSet,
    )
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


class CityViewSet(SnippetViewSet):
    model = City
    edit_handler = ObjectList(City.panels, base_form_class=CityAdminForm)
    icon = "site"
    list_display = ["name", "country", "population", "status", "updated_at"]
    list_filter = ["status", "region", "country", "cultural_pearls"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    list_per_page = 50


class CityTextViewSet(SnippetViewSet):
    model = CityText
    icon = "doc-full"
    list_display = ["city", "name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "city__name"]
    search_backend_name = None


#: Who may see names, e-mail addresses, roles and messages of applicants and introductions.
VIEW_CONTACT = "matching.view_contact"
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


class CityApplicationViewSet(SnippetViewSet):
    model = CityApplication
    icon = "form"
    list_display = ["city", "created_at", "consent_version", "erased_at"]
    list_filter = ["created_at"]
    inspect_view_enabled = True
    inspect_view_class = ContactInspectView
    panels = [FieldPanel("city", read_only=True), *contact_panels()]


class IntroductionRequestViewSet(SnippetViewSet):
    model = IntroductionRequest
    icon = "mail"
    list_display = ["from_city", "to_city", "outcome", "created_at"]
    list_filter = ["outcome", "created_at"]
    inspect_view_enabled = True
    inspect_view_class = ContactInspectView
    panels = [
        FieldPanel("from_city", read_only=True),
        FieldPanel("to_city", read_only=True),
        FieldPanel("message", read_only=True, permission=VIEW_CONTACT),
        *contact_panels(),
        FieldPanel("outcome"),
        FieldPanel("outcome_note", permission=VIEW_CONTACT),
    ]


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


class CitiesGroup(SnippetViewSetGroup):
    items = (CityViewSet, CityTextViewSet, CityApplicationViewSet, IntroductionRequestViewSet)
    menu_icon = "site"
    menu_label = _("Cities")
    menu_name = "cities"


register_snippet(TaxonomyGroup)
register_snippet(CitiesGroup)
register_snippet(ProgrammeMessageViewSet)


@hooks.register("construct_homepage_panels")
def add_matching_panel(request, panels) -> None:
    panels.append(MatchingPanel(request))


@hooks.register("register_admin_urls")
def matching_admin_urls():
    return [
        path("matching/export-profiles/", export_profiles_view, name="matching_export_profiles"),
        path("matching/cohort-planner/", cohort_planner_view, name="matching_cohort_planner"),
        path("matching/learned-weights/", learned_weights_view, name="matching_learned_weights"),
        path("matching/personal-data/", personal_data_view, name="matching_personal_data"),
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_manage_personal_data(request.user)


@hooks.register("register_admin_menu_item")
def matching_menu():
    return SubmenuMenuItem(
        _("Matching"),
        Menu(
            items=[
                MenuItem(
                    _("Cohort planner"), reverse("matching_cohort_planner"), icon_name="group"
                ),
                MenuItem(
                    _("Learned weights"), reverse("matching_learned_weights"), icon_name="cogs"
                ),
                MenuItem(
                    _("Export profiles"), reverse("matching_export_profiles"), icon_name="download"
                ),
                PersonalDataMenuItem(
                    _("Personal data"), reverse("matching_personal_data"), icon_name="user"
                ),
            ]
        ),
        icon_name="site",
        order=250,
    )


@hooks.register("after_edit_snippet")
def record_outcome(request, instance) -> None:
    """Stamp who recorded an introduction's outcome, and when, for the learned weights."""
    if isinstance(instance, IntroductionRequest) and instance.outcome != "requested":
        IntroductionRequest.objects.filter(pk=instance.pk).update(
            outcome_recorded_at=timezone.now(), handled_by=request.user
        )


@hooks.register("register_log_actions")
def personal_data_log_actions(actions) -> None:
    actions.register_action(ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))
    actions.register_action(
        WITHDRAW_ACTION, _("Withdraw consent"), _("Consent withdrawn, personal data erased")
    )
    actions.register_action(EXPORT_ACTION, _("Export personal data"), _("Personal data exported"))
