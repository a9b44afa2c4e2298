"""City profiles in the shared exchange format (profile.schema.json): export and import."""

from dataclasses import replace

from django.db import transaction
from wagtail.models import Locale

from matching.engine.profiles import Profile, ProfileError, load_profiles, profiles_to_json
from matching.models import (
    Challenge,
    City,
    CityChallenge,
    CityStatus,
    CityText,
    CultureRole,
    CultureTheme,
)
from matching.services import profile_cities, profile_of
from matching.tasks import one_recompute

IMPORT_STATUS = {
    "approved": CityStatus.APPROVED,
    "pending": CityStatus.PENDING,
    "draft": CityStatus.DRAFT,
}


def export_profiles() -> list[dict]:
    """Approved profiles only: pending, draft, rejected and withdrawn ones never leave the site."""
    default = Locale.get_default()
    cities = [
        c for c in profile_cities().prefetch_related("texts") if c.status == CityStatus.APPROVED
    ]
    profiles = []
    for city in cities:
        profile = profile_of(city)
        texts = [
            t.description for t in city.texts.all() if t.locale_id == default.pk and t.description
        ]
        profiles.append(replace(profile, description=texts[0]) if texts else profile)
    return profiles_to_json(profiles)


def import_profiles(data: object) -> list[City]:
    """Create or update cities from exchange-format profiles; all or nothing, one recompute.

    Raises the engine's ProfileError (one line naming the profile and field) on bad input,
    before anything is written.
    """
    profiles = load_profiles(data)
    default = Locale.get_default()
    terms = {
        model: {t.slug: t for t in model.objects.filter(locale=default)}
        for model in (Challenge, CultureTheme, CultureRole)
    }
    for p in profiles:
        for field, model, slugs in (
            ("challenges", Challenge, p.challenges),
            ("offers", CultureTheme, p.offers),
            ("seeks", CultureTheme, p.seeks),
            ("roles", CultureRole, p.roles),
        ):
            if unknown := sorted(set(slugs) - set(terms[model])):
                raise ProfileError(
                    f"profile {p.id!r}: field {field!r}: {', '.join(unknown)} not in the taxonomy (add it first)"
                )
    with one_recompute(), transaction.atomic():
        return [save_profile(p, terms, default) for p in profiles]


def save_profile(p: Profile, terms: dict, locale: Locale) -> City:
    themes, roles, challenges = terms[CultureTheme], terms[CultureRole], terms[Challenge]
    city = City.objects.filter(slug=p.id).first() or City(slug=p.id)
    city.name, city.country, city.population = p.name, p.country, p.population
    city.latitude, city.longitude = p.lat, p.lon
    city.languages, city.host_capacity = sorted(p.languages), p.host_capacity
    city.status = IMPORT_STATUS[p.status]
    city.offers.set([themes[s] for s in p.offers if s in themes])
    city.seeks.set([themes[s] for s in p.seeks if s in themes])
    city.roles.set([roles[s] for s in p.roles if s in roles])
    city.save()
    CityChallenge.objects.filter(city=city).delete()
    CityChallenge.objects.bulk_create(
        [
            CityChallenge(city=city, challenge=challenges[slug], weight=weight)
            for slug, weight in p.challenges.items()
            if slug in challenges
        ]
    )
    if p.description:
        CityText.objects.update_or_create(
            city=city, locale=locale, defaults={"description": p.description}
        )
    return city
