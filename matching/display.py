"""How cities read in the visitor's language: name forms and reasons, in few queries."""

from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.query import PageQuerySet

from matching.explanations import component_label, render_reason
from matching.models import City, CityText
from matching.taxonomy import Challenge, CultureTheme, term_labels


def city_names(cities: Iterable[City], language: str | None = None) -> dict[int, str]:
    """City id → its name in `language` (one query), falling back to the city's own name."""
    names = {c.pk: c.name for c in cities}
    rows = _names_in(language or get_language()).filter(city_id__in=list(names))
    names.update(rows.values_list("city_id", "name"))
    return names


def _names_in(language: str) -> QuerySet:
    return CityText.objects.filter(locale__language_code=language).exclude(name="")


def name_in(language: str, city: str = "pk") -> Subquery:
    """The name in `language` of the city in column `city`, as a column of the query it joins.

    For a listing that shows names: no query of their own. None where the city has no
    name in that language (show its own name then, as `city_names` does).
    """
    return Subquery(_names_in(language).filter(city_id=OuterRef(city)).values("name")[:1])


def city_description(city: City, language: str | None = None) -> str:
    """The description in `language`, else in any language it was written in."""
    language = language or get_language()
    texts = sorted(
        (t for t in city.texts.select_related("locale") if t.description),
        key=lambda t: t.locale.language_code != language,
    )
    return texts[0].description if texts else ""


def explained(
    suggestions, language: str | None = None, names: dict[int, str] | None = None
) -> list[dict]:
    """Stored suggestions with partner names and reasons in the visitor's language.

    `names` may hold the cities' names already (`city_names` of the cities and partners).
    """
    suggestions = list(suggestions)
    cities = {s.city for s in suggestions} | {s.partner for s in suggestions}
    names = names if names is not None else city_names(cities, language)
    by_name = {c.name: names[c.pk] for c in cities}
    challenge_labels = term_labels(Challenge, language or get_language())
    # Translated once for the listing, not once per suggestion.
    component_labels = {
        n: component_label(n) for n in {n for s in suggestions for n in s.components}
    }
    return [
        {
            "suggestion": s,
            "partner": s.partner,
            "partner_name": names[s.partner_id],
            "score": s.score,
            "components": [
                {"label": component_labels[name], "value": value, "percent": round(value * 100)}
                for name, value in s.components.items()
            ],
            "reasons": [render_reason(r, by_name) for r in s.reasons],
            "shared_challenges": [
                {"slug": slug, "label": challenge_labels.get(slug, slug)}
                for slug in (
                    r["params"]["challenge"] for r in s.reasons if r["kind"] == "shared_challenge"
                )
            ],
        }
        for s in suggestions
    ]


def section_urls(
    pages: PageQuerySet, request: HttpRequest | None, *sections: str
) -> dict[str, str | None]:
    """Section ("app_label.model") → the address of its first page among `pages`, or None.

    One query for all of them; a page type is named, not imported (matching imports no cms).
    """
    wanted = Q(pk__in=[])
    for section in sections:
        app_label, model = section.split(".")
        wanted |= Q(content_type__app_label=app_label, content_type__model=model)
    found: dict[str, Page] = {}
    for page in pages.filter(wanted).select_related("content_type").order_by("path"):
        found.setdefault(f"{page.content_type.app_label}.{page.content_type.model}", page)
    return {name: found[name].get_url(request) if name in found else None for name in sections}


def challenges_with_reading(pages: PageQuerySet) -> dict[str, set[str]]:
    """Slugs of the challenges the stories and lab conclusions among `pages` speak to."""
    return {
        kind: set(
            Challenge.objects.filter(**{f"{relation}__in": pages}).values_list("slug", flat=True)
        )
        for kind, relation in (("stories", "stories"), ("labs", "lab_conclusions"))
    }


def with_reading(items: list[dict], reading: dict[str, set[str]]) -> list[dict]:
    """Give each explained suggestion the shared challenges there is something to read on."""
    for item in items:
        for kind, slugs in reading.items():
            item[f"{kind}_on"] = [c for c in item["shared_challenges"] if c["slug"] in slugs]
    return items


def profile_labels(city: City, language: str | None = None) -> dict[str, list[str]]:
    """The city's challenges and themes as labels in `language` (prefetched rows, cached labels)."""
    language = language or get_language()
    challenges = term_labels(Challenge, language)
    themes = term_labels(CultureTheme, language)
    ranked = sorted(city.challenges.all(), key=lambda c: (-c.weight, c.challenge.slug))
    return {
        "challenges": [challenges.get(c.challenge.slug, c.challenge.name) for c in ranked],
        "offers": sorted(themes.get(t.slug, t.name) for t in city.offers.all()),
        "seeks": sorted(themes.get(t.slug, t.name) for t in city.seeks.all()),
    }
