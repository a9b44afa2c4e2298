"""Admin for the matching half: the taxonomy and city profiles as snippets."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from contacts.admin_panels import VIEW_CONTACT, ContactInspectView, contact_panels
from matching.admin_forms import CityAdminForm
from matching.admin_views import (
    MatchingPanel,
    cohort_planner_view,
    export_profiles_view,
    learned_weights_view,
)
from matching.models import City, CityApplication, CityText, IntroductionRequest
from matching.taxonomy import ActivityType, Challenge, CultureRole, CultureTheme, ResiliencePillar


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


class CitiesGroup(SnippetViewSetGroup):
    items = (CityViewSet, CityTextViewSet, CityApplicationViewSet, IntroductionRequestViewSet)
    menu_icon = "site"
    menu_label = _("Cities")
    menu_name = "cities"


register_snippet(TaxonomyGroup)
register_snippet(CitiesGroup)


@hooks.register("construct_homepage_panels")
def add_matching_panel(request, panels) -> None:
    panels.append(MatchingPanel(request))


@hooks.register("register_admin_urls")
def matching_admin_urls():
    return [
        path("matching/export-profiles/", export_profiles_view, name="matching_export_profiles"),
        path("matching/cohort-planner/", cohort_planner_view, name="matching_cohort_planner"),
        path("matching/learned-weights/", learned_weights_view, name="matching_learned_weights"),
    ]


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
