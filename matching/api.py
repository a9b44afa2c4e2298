"""The public JSON API: approved cities and their suggested partners, never contact details.

django-ninja's typed schemas give it an OpenAPI description at /api/v1/openapi.json.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import PageNumberPagination, paginate

from .display import explained
from .kept_queries import KeptQuery
from .models import City, CityStatus, StoredSuggestion
from .regions import PROGRAMME_COUNTRIES

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


def city_out(city: City) -> dict:
    return {
        "id": city.slug,
        "name": city.name,
        "country": city.country.code,
        "region": city.region,
        "population": city.population,
        "lat": city.latitude,
        "lon": city.longitude,
        "challenges": {c.challenge.slug: c.weight for c in city.challenges.all()},
        "offers": sorted(t.slug for t in city.offers.all()),
        "seeks": sorted(t.slug for t in city.seeks.all()),
        "roles": sorted(r.slug for r in city.roles.all()),
        "languages": sorted(city.languages or []),
        "host_capacity": city.host_capacity,
    }


def approved_cities():
    return City.objects.approved().prefetch_related(
        "challenges__challenge", "offers", "seeks", "roles"
    )


@api.get(
    "/cities/",
    response=list[CityOut],
    summary="Approved cities",
    tags=["cities"],
    openapi_extra=error_responses(400, 422, 429),
)
@paginate(PageNumberPagination, page_size=50)
def list_cities(request: HttpRequest, filters: Query[CityFilters]):
    cities = approved_cities().order_by("slug")
    if filters.country:
        country = filters.country.upper()
        cities = cities.filter(country=country) if country in PROGRAMME_COUNTRIES else cities.none()
    if filters.region:
        cities = cities.filter(region=filters.region)
    if filters.q:
        cities = cities.named_like(filters.q)
    return [city_out(c) for c in cities]


@api.get(
    "/cities/{city_id}/",
    response=CityOut,
    summary="One approved city",
    tags=["cities"],
    openapi_extra=error_responses(400, 404, 429),
)
def get_city(request: HttpRequest, city_id: str):
    return city_out(get_object_or_404(approved_cities(), slug=city_id))


def _best_partners(city_id: int, top: int):
    return (
        StoredSuggestion.objects.filter(city_id=city_id, partner__status=CityStatus.APPROVED)
        .select_related("city", "partner")
        .prefetch_related(
            "partner__challenges__challenge", "partner__offers", "partner__seeks", "partner__roles"
        )
        .order_by("rank")[:top]
    )


_BEST_PARTNERS = KeptQuery(_best_partners)


@api.get(
    "/cities/{city_id}/partners",
    response=list[PartnerOut],
    summary="A city's suggested partners, best first",
    tags=["cities"],
    openapi_extra=error_responses(400, 404, 422, 429),
)
def city_partners(request: HttpRequest, city_id: str, query: Query[PartnersQuery]):
    city = get_object_or_404(City.objects.approved(), slug=city_id)
    suggestions = _BEST_PARTNERS(city.pk, top=query.top)
    language = query.lang or translation.get_language_from_request(request)
    with translation.override(language):
        items = explained(suggestions)
    return [
        {
            "partner": city_out(item["partner"]),
            "rank": item["suggestion"].rank,
            "score": item["score"],
            "components": item["suggestion"].components,
            "reasons": item["reasons"],
        }
        for item in items
    ]
