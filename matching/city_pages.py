"""The city directory and each approved city's page, served by one translatable page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from matching.display import city_description, city_names, explained, profile_labels
from matching.models import City, StoredSuggestion
from matching.public_page import MatchingPage
from matching.regions import PROGRAMME_COUNTRIES


class CityIndexPage(RoutablePageMixin, MatchingPage):
    """Approved cities, and one page per city at <slug>/ served from the same translatable page."""

    template = "matching/city_index_page.html"

    class Meta:
        verbose_name = _("city directory")

    def get_sitemap_urls(self, request=None):
        """The index and one entry per approved city: their pages are public, others are not."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls += [
                {"location": f"{base}{city.slug}/", "lastmod": city.updated_at}
                for city in City.objects.approved().only("slug", "updated_at")
            ]
        return urls

    @path("")
    def index(self, request):
        cities = City.objects.approved().order_by("name")
        country = request.GET.get("country", "").upper()
        if country in PROGRAMME_COUNTRIES:
            cities = cities.filter(country=country)
        page = Paginator(cities, 30).get_page(request.GET.get("page"))
        names = city_names(page.object_list)
        context = self.get_context(request) | {
            "cities": page,
            "named_cities": [(city, names[city.pk]) for city in page.object_list],
        }
        return TemplateResponse(request, self.template, context)

    @re_path(r"^(?P<slug>[-a-z0-9]+)/$")
    def city(self, request, slug: str):
        city = (
            City.objects.approved()
            .filter(slug=slug)
            .prefetch_related("challenges__challenge", "offers", "seeks", "roles")
            .first()
        )
        if city is None:
            raise Http404
        suggestions = list(
            StoredSuggestion.objects.to_approved_partners_of(city.pk).select_related(
                "city", "partner"
            )[:5]
        )
        names = city_names([city, *(s.partner for s in suggestions)])
        stories = city.stories.live().public().filter(locale__language_code=get_language())
        context = self.get_context(request) | {
            "city": city,
            "city_name": names[city.pk],
            "description": city_description(city),
            "profile": profile_labels(city),
            "partners": explained(suggestions, names=names),
            "stories": stories,
        }
        return TemplateResponse(request, "matching/city_page.html", context)
