"""The public JSON API: approved cities and their suggested partners, never contact details.

django-ninja's typed schemas give it an OpenAPI description at /api/v1/openapi.json.
"""

from collections.abc import Iterable

from django.db.models import QuerySet, Value
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import PageNumberPagination, paginate

from matching.display import explained
from matching.models import City, CityChallenge, StoredSuggestion
from matching.regions import PROGRAMME_COUNTRIES

api = NinjaAPI(
    title="RESCOM partner matching API",
    version="1",
    description=(
        "Approved city profiles of the RESCOM programme and their suggested partners. "
        "Requests are rate-limited per client address, together with the page API at "
        "/api/v2 (429 with Retry-After when exceeded)."
    ),
    urls_namespace="api-v1",
)  # The rate limit is the project's middleware, shared with Wagtail's API at /api/v2.


class CityOut(Schema):
    id: str = Field(..., description="The city's stable identifier (its slug).")
    name: str
    country: str = Field(..., description="ISO 3166-1 alpha-2 code.")
    region: str = Field(..., description='"bsr" or "east".')
    population: int | None
    lat: float | None
    lon: float | None
    challenges: dict[str, int] = Field(..., description="Challenge slug -> weight 1-3.")
    offers: list[str]
    seeks: list[str]
    roles: list[str]
    languages: list[str]
    host_capacity: int


class CityFilters(Schema):
    country: str | None = Field(
        None, pattern="^[A-Za-z]{2}$", description="Only cities of this country (any case)."
    )
    region: str | None = Field(None, pattern="^(bsr|east)$")
    # No NUL byte: the site answers an address carrying one with a 400 before any view.
    q: str | None = Field(
        None, max_length=80, pattern=r"^[^\x00]*$", description="Part of the city's name."
    )


class PartnerOut(Schema):
    partner: CityOut
    rank: int
    score: float = Field(..., ge=0, le=100)
    components: dict[str, float]
    reasons: list[str] = Field(
        ..., description="Plain-language reasons, in the requested language."
    )


class PartnersQuery(Schema):
    top: int = Field(10, ge=1, le=50, description="How many partners, best first.")
    lang: str | None = Field(None, pattern="^(en|uk|ro)$", description="Language of the reasons.")


def error_responses(*codes: int) -> dict:
    """OpenAPI entries for the errors an operation answers with (all JSON with a `detail`)."""
    described = {
        400: "The request could not be read (e.g. a NUL byte in the address).",
        404: "No approved city with this id.",
        422: "A parameter is out of range or malformed.",
        429: "Too many requests from this address; try again later.",
    }
    body = {
        "application/json": {
            "schema": {"type": "object", "required": ["detail"], "properties": {"detail": {}}}
        }
    }
    return {
        "responses": {code: {"description": described[code], "content": body} for code in codes}
    }


def city_out(city: City, terms: dict) -> dict:
    """A city as the API shows it; `terms` is its entry in `profile_terms`."""
    return {
        "id": city.slug,
        "name": city.name,
        "country": city.country.code,
        "region": city.region,
        "population": city.population,
        "lat": city.latitude,
        "lon": city.longitude,
        **terms,
        "languages": sorted(city.languages or []),
        "host_capacity": city.host_capacity,
    }


def cities_out(cities: Iterable[City]) -> list[dict]:
    cities = list(cities)
    terms = profile_terms([c.pk for c in cities])
    return [city_out(city, terms[city.pk]) for city in cities]


def profile_terms(ids: list[int]) -> dict[int, dict]:
    """Each city's challenges (slug → weight, in the profile's order), offers, seeks and roles.

    One union over the profile's four link tables, rather than five prefetch queries.
    """
    terms = {pk: {"challenges": {}, "offers": [], "seeks": [], "roles": []} for pk in ids}
    rows = sorted(_profile_rows(ids), key=lambda row: (row[2] is None, row[2] or 0, row[3]))
    for city_id, kind, _order, slug, weight in rows:
        if kind == "challenges":
            terms[city_id]["challenges"][slug] = weight
        else:
            terms[city_id][kind].append(slug)
    return terms


def _profile_rows(ids: list[int]) -> QuerySet:
    challenges = (
        CityChallenge.objects.filter(city_id__in=ids)
        .order_by()
        .annotate(kind=Value("challenges"))
        .values_list("city_id", "kind", "sort_order", "challenge__slug", "weight")
    )
    links = [
        City.objects.filter(pk__in=ids, **{f"{name}__isnull": False})
        .order_by()
        .annotate(kind=Value(name), order=Value(0), weight=Value(0))
        .values_list("pk", "kind", "order", f"{name}__slug", "weight")
        for name in ("offers", "seeks", "roles")
    ]
    return challenges.union(*links, all=True)


def approved_city(slug: str) -> City:
    if found := City.objects.approved().filter(slug=slug).first():
        return found
    raise Http404


@api.get(
    "/cities/",
    response=list[CityOut],
    summary="Approved cities",
    tags=["cities"],
    openapi_extra=error_responses(400, 422, 429),
)
@paginate(PageNumberPagination, page_size=50)
def list_cities(request: HttpRequest, filters: Query[CityFilters]):
    cities = City.objects.approved().order_by("slug")
    if filters.country:
        country = filters.country.upper()
        cities = cities.filter(country=country) if country in PROGRAMME_COUNTRIES else cities.none()
    if filters.region:
        cities = cities.filter(region=filters.region)
    if filters.q:
        cities = cities.named_like(filters.q)
    return cities_out(cities)


@api.get(
    "/cities/{city_id}/",
    response=CityOut,
    summary="One approved city",
    tags=["cities"],
    openapi_extra=error_responses(400, 404, 429),
)
def get_city(request: HttpRequest, city_id: str):
    return cities_out([approved_city(city_id)])[0]


@api.get(
    "/cities/{city_id}/partners",
    response=list[PartnerOut],
    summary="A city's suggested partners, best first",
    tags=["cities"],
    openapi_extra=error_responses(400, 404, 422, 429),
)
def city_partners(request: HttpRequest, city_id: str, query: Query[PartnersQuery]):
    city = approved_city(city_id)
    suggestions = (
        StoredSuggestion.objects.to_approved_partners_of(city.pk)
        .select_related("city", "partner")
        .order_by("rank")[: query.top]
    )
    language = query.lang or translation.get_language_from_request(request)
    with translation.override(language):
        items = explained(suggestions)
    terms = profile_terms([item["partner"].pk for item in items])
    return [
        {
            "partner": city_out(item["partner"], terms[item["partner"].pk]),
            "rank": item["suggestion"].rank,
            "score": item["score"],
            "components": item["suggestion"].components,
            "reasons": item["reasons"],
        }
        for item in items
    ]
