"""The partner finder: choose a city, see its best partners with reasons, ask to be introduced."""

from functools import cache, partial

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from contacts.form_limits import rate_limited
from contacts.notifications import confirm_to_person
from contacts.submissions import accept_submission, stored_before
from contacts.withdrawal import withdrawal_token
from matching import notifications
from matching.display import (
    challenges_with_reading,
    city_names,
    explained,
    name_in,
    section_urls,
    with_reading,
)
from matching.forms import POPULATION_BANDS, FinderForm, IntroductionForm
from matching.models import (
    CITY_CARD_DEFERRED,
    City,
    CityStatus,
    IntroductionRequest,
    StoredSuggestion,
)
from matching.public_page import MatchingPage, confirmation


class PartnerFinderPage(RoutablePageMixin, MatchingPage):
    """Choose a city, see its best partners with reasons, ask to be introduced."""

    def links(self, request) -> dict:
        """Where the finder sends visitors on: registration, cities, stories, labs."""
        pages = Page.objects.live().public().filter(locale_id=self.locale_id)
        urls = section_urls(
            pages,
            request,
            "matching.registercitypage",
            "matching.cityindexpage",
            "cms.storyindexpage",
            "cms.labindexpage",
        )
        stories_url, labs_url = urls["cms.storyindexpage"], urls["cms.labindexpage"]
        reading = challenges_with_reading(pages)
        return {
            "register_url": urls["matching.registercitypage"],
            "city_index_url": urls["matching.cityindexpage"],
            "stories_url": stories_url,
            "labs_url": labs_url,
            # "Read about it" links only to listings with something in them.
            "reading": {
                "stories": reading["stories"] if stories_url else set(),
                "labs": reading["labs"] if labs_url else set(),
            },
        }

    template = "matching/partner_finder_page.html"

    class Meta:
        verbose_name = _("partner finder")

    @path("")
    def finder(self, request):
        context = self.get_context(request)
        # Called by the template on first use: a cached content fragment costs no query.
        context["finder"] = cache(partial(self.search, request))
        return TemplateResponse(request, self.template, context)

    def search(self, request) -> dict:
        """What the finder shows for the address: the form, matching cities, a city's partners."""
        form = FinderForm(request.GET or None)
        context = self.links(request) | {"form": form, "matches": None, "city": None}
        if form.is_bound and not form.is_valid():
            context["filter_errors"] = True
            form = FinderForm({k: v for k, v in request.GET.items() if k not in form.errors})
            form.is_valid()
            context["form"] = form
        data = form.cleaned_data if form.is_bound else {}
        language = get_language()
        city = self.chosen_city(data["city"], language) if data.get("city") else None
        if city is None and (data.get("q") or data.get("city")):
            # A search, or an old or mistyped city link (no match: say so, offer the search).
            q = data.get("q")
            matches = list(City.objects.named_like(q).order_by("name")[:20]) if q else []
            context["matches"] = list(zip(matches, city_names(matches).values(), strict=True))
        if city is not None:
            approved = city.status == CityStatus.APPROVED
            suggestions = []
            if approved:
                countries = self.partner_countries(city)
                form.offer_countries(countries)
                if data.get("country") and data["country"] not in countries:
                    context["filter_errors"] = True  # an old link: no partner is there
                    data = data | {"country": ""}
                suggestions = self.filtered_suggestions(city, data, language)
            # The names in the visitor's language came with the city and its suggestions.
            names = {city.pk: city.name_here or city.name}
            names |= {s.partner_id: s.partner_name or s.partner.name for s in suggestions}
            context.update(city=city, city_name=names[city.pk])
            if approved:
                results = explained(suggestions, names=names)
                context["results"] = with_reading(results, context["reading"])
        return context

    @staticmethod
    def chosen_city(slug: str, language: str) -> City | None:
        """The city of `slug`, with `name_here`, its name in `language` (None: its own name)."""
        return City.objects.filter(slug=slug).annotate(name_here=name_in(language)).first()

    @staticmethod
    def partner_countries(city: City) -> set[str]:
        """The countries the city's suggested partners are in: the only useful country filters."""
        suggestions = StoredSuggestion.objects.to_approved_partners_of(city.pk).order_by()
        return set(suggestions.values_list("partner__country", flat=True).distinct())

    @staticmethod
    def filtered_suggestions(city: City, data: dict, language: str) -> list[StoredSuggestion]:
        """The city's best 20 suggestions within the filters.

        Each with `partner_name`, the partner's name in `language` (None: its own name).
        """
        suggestions = (
            StoredSuggestion.objects.to_approved_partners_of(city.pk)
            .select_related("partner")
            .defer("computed_at", *(f"partner__{name}" for name in CITY_CARD_DEFERRED))
            .annotate(partner_name=name_in(language, "partner_id"))
        )
        if data.get("country"):
            suggestions = suggestions.filter(partner__country=data["country"])
        if data.get("band") in POPULATION_BANDS:
            low, high = POPULATION_BANDS[data["band"]]
            if low:
                suggestions = suggestions.filter(partner__population__gte=low)
            if high:
                suggestions = suggestions.filter(partner__population__lte=high)
        if data.get("theme"):
            suggestions = suggestions.filter(partner__offers__slug=data["theme"]).distinct()
        suggestions = list(suggestions.order_by("rank")[:20])
        for suggestion in suggestions:  # the city is at hand: not read again for each row
            suggestion.city = city
        return suggestions

    @path("introduce/<slug:city>/<slug:partner>/")
    def introduce(self, request, city: str, partner: str):
        suggestion = (
            StoredSuggestion.objects.filter(
                city__slug=city, partner__slug=partner, city__status=CityStatus.APPROVED
            )
            .select_related("city", "partner")
            .first()
        )
        if suggestion is None:
            raise Http404
        form = IntroductionForm(request.POST or None)
        context = self.get_context(request)
        names = city_names([suggestion.city, suggestion.partner])
        context |= {
            "form": form,
            "content_cache": settings.FRAGMENTS_UNCACHED,  # a form with the visitor's token
            "suggestion": suggestion,
            "from_name": names[suggestion.city_id],
            "to_name": names[suggestion.partner_id],
        }
        if request.method == "POST":
            if rate_limited(request, "introduction"):
                context["rate_limited"] = True
                return TemplateResponse(
                    request, "matching/introduction_form.html", context, status=429
                )
            # Worked out before saving: once the row is stored, only a success may follow.
            sent_url = self.url + self.reverse_subpage("introduction_sent")
            if (sent := stored_before(IntroductionRequest, request.POST)) is not None:
                return redirect(f"{sent_url}?withdraw={withdrawal_token(sent)}")
            if form.is_valid():
                data = form.cleaned_data
                introduction = accept_submission(
                    request,
                    IntroductionRequest,
                    data["submission"],
                    lambda: IntroductionRequest.objects.create(
                        from_city=suggestion.city,
                        to_city=suggestion.partner,
                        message=data["message"],
                        score_at_request=suggestion.score,
                        components_at_request=suggestion.components,
                        **form.contact_record(),
                    ),
                    "introduction",
                    tell=[notifications.introduction_requested, confirm_to_person],
                )
                return redirect(f"{sent_url}?withdraw={withdrawal_token(introduction)}")
        return TemplateResponse(request, "matching/introduction_form.html", context)

    @path("introduction-sent/")
    def introduction_sent(self, request):
        return confirmation(request, "matching/introduction_form.html", self.get_context(request))
