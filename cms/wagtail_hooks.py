"""Admin registrations: partner organisations as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .partners import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "country", "role"]
    list_filter = ["role"]
    search_fields = ["name"]


register_snippet(PartnerOrganisationViewSet)
