"""Turning a valid registration form into a pending profile and an application for staff."""

from anyascii import anyascii
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from matching.forms import CityProfileForm
from matching.models import (
    Challenge,
    City,
    CityApplication,
    CityChallenge,
    CityStatus,
    CityText,
    CultureRole,
    CultureTheme,
)


def new_city_slug(country: str, name: str) -> str:
    base = f"{country.lower()}-{slugify(anyascii(name))}"[:120] or country.lower()
    slug, n = base, 1
    while City.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def register_city(form: CityProfileForm, language: str) -> CityApplication:
    data = form.cleaned_data
    city = data.get("city_obj")
    if city is None:
        city = City(
            name=data["name"].strip(),
            country=data["country"],
            slug=new_city_slug(data["country"], data["name"]),
        )
    city.population = data["population"]
    city.languages = sorted(data["languages"])
    city.host_capacity = data["host_capacity"]
    city.status = CityStatus.PENDING
    default = Locale.get_default()
    city.offers.set(CultureTheme.objects.filter(locale=default, slug__in=data["offers"]))
    city.seeks.set(CultureTheme.objects.filter(locale=default, slug__in=data["seeks"]))
    city.roles.set(CultureRole.objects.filter(locale=default, slug__in=data["roles"]))
    city.save()
    weights = form.challenge_weights()
    CityChallenge.objects.filter(city=city).delete()
    challenges = Challenge.objects.filter(locale=default, slug__in=weights)
    CityChallenge.objects.bulk_create(
        [
            CityChallenge(city=city, challenge=c, weight=weights[c.slug], sort_order=i)
            for i, c in enumerate(challenges)
        ]
    )
    locale = Locale.objects.filter(language_code=language).first() or default
    text, _ = CityText.objects.get_or_create(city=city, locale=locale)
    text.description = data["description"]
    text.save()
    return CityApplication.objects.create(city=city, **form.contact_record(locale.language_code))
