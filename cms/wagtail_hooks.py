"""Admin registrations: partner snippets, the translation overview, the accessibility checker,
and the guard that stops an editor saving over a newer version of a page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.editorial.accessibility import use_wcag_checker
from cms.editorial.edit_conflicts import LockedSavePageViewSet, refuse_stale_save
from cms.editorial.translation_overview import overview_view
from cms.partners.models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "country", "role"]
    list_filter = ["role"]
    search_fields = ["name"]
    search_backend_name = None  # the ORM: a plain name match, the same on every database


register_snippet(PartnerOrganisationViewSet)

hooks.register("before_edit_page", refuse_stale_save)


@hooks.register("register_admin_viewset")
def register_locked_save_page_viewset():
    """In place of Wagtail's base page viewset (registered before ours), for every page type."""
    return LockedSavePageViewSet()


@hooks.register("register_admin_urls")
def translation_overview_urls():
    return [path("translation-overview/", overview_view, name="translation_overview")]


@hooks.register("register_admin_menu_item")
def translation_overview_menu():
    return MenuItem(
        _("Translation overview"), reverse("translation_overview"), icon_name="globe", order=260
    )


@hooks.register("construct_wagtail_userbar")
def wcag_accessibility_checker(request, items, page):
    use_wcag_checker(items)
