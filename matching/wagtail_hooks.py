"""Admin for the matching half: the taxonomy and city profiles as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, CityText
from .taxonomy import ActivityType, Challenge, CultureRole, CultureTheme, ResiliencePillar


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
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
    icon = "site"
    list_display = ["name", "country", "population", "status", "updated_at"]
    list_filter = ["status", "region", "country", "cultural_pearls"]
    search_fields = ["name", "slug"]
    list_per_page = 50


class CityTextViewSet(SnippetViewSet):
    model = CityText
    icon = "doc-full"
    list_display = ["city", "name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "city__name"]


class CitiesGroup(SnippetViewSetGroup):
    items = (CityViewSet, CityTextViewSet)
    menu_icon = "site"
    menu_label = _("Cities")
    menu_name = "cities"


register_snippet(TaxonomyGroup)
register_snippet(CitiesGroup)
