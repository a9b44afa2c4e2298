"""Factories for cities with profiles; taxonomy terms are looked up or made by slug."""

import factory
from wagtail.models import Locale

from matching.models import Challenge, City, CityChallenge, CityStatus, CultureRole, CultureTheme


def term(model, slug: str):
    locale = Locale.get_default()
    return model.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": slug.replace("-", " ").capitalize()}
    )[0]


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Town {n}")
    slug = factory.LazyAttribute(
        lambda c: f"{c.country.lower()}-{c.name.lower().replace(' ', '-')}"
    )
    country = "SE"
    population = 30_000
    status = CityStatus.APPROVED
    host_capacity = 1

    @factory.post_generation
    def challenges(self, create, extracted, **kwargs):
        for slug, weight in (extracted or {}).items():
            CityChallenge.objects.create(city=self, challenge=term(Challenge, slug), weight=weight)

    @factory.post_generation
    def offers(self, create, extracted, **kwargs):
        if extracted:
            self.offers.set([term(CultureTheme, s) for s in extracted])
            self.save()

    @factory.post_generation
    def seeks(self, create, extracted, **kwargs):
        if extracted:
            self.seeks.set([term(CultureTheme, s) for s in extracted])
            self.save()

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.roles.set([term(CultureRole, s) for s in extracted])
            self.save()
