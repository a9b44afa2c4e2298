"""Factories for the editorial pages; taxonomy terms and partners are made (or found) by slug."""

import datetime as dt

import factory
import factory.random
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from cms.models import (
    EventIndexPage,
    EventPage,
    LabConclusionsPage,
    LabIndexPage,
    LabPage,
    PartnerOrganisation,
    PartnersPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    ToolkitPage,
)
from matching.taxonomy import ActivityType, Challenge, CultureRole, CultureTheme, ResiliencePillar
from tests.matching.factories import CityFactory, term

factory.random.reseed_random("rescom-cms")


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def set_terms(page, field: str, model, slugs) -> None:
    """Set a taxonomy relation; the factory's last hook saves the page once."""
    if slugs:
        getattr(page, field).set([term(model, s) for s in slugs])
        page._terms_changed = True


def save_terms(page) -> None:
    if getattr(page, "_terms_changed", False):
        page.save()


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    locale = factory.LazyFunction(Locale.get_default)
    country = "SE"
    description = "Collects input for the learning labs."


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Good-practice stories"
    slug = "stories"
    intro = "How cities use culture."


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "A library opened its doors in the evenings."
    city = factory.SubFactory(CityFactory)
    year = 2024
    body = factory.LazyFunction(lambda: paragraph("What the city did, with whom and how."))

    @factory.post_generation
    def challenges(self, create, extracted, **kwargs):
        set_terms(self, "challenges", Challenge, extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        set_terms(self, "culture_themes", CultureTheme, extracted)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        set_terms(self, "culture_roles", CultureRole, extracted)

    @factory.post_generation
    def pillars(self, create, extracted, **kwargs):
        set_terms(self, "pillars", ResiliencePillar, extracted)
        save_terms(self)


class LabIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabIndexPage

    title = "Learning labs"
    slug = "learning-labs"
    intro = "Roundtables and workshops."


class LabPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabPage

    title = factory.Sequence(lambda n: f"Lab {n}")
    summary = "How culture centres help displaced people."
    format = "roundtable"
    attendance = "online"
    date = dt.date(2025, 3, 12)


class LabConclusionsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabConclusionsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Conclusions {n}")
    slug = "conclusions"
    summary = "Libraries are the first open door."
    key_findings = factory.LazyFunction(lambda: paragraph("Newcomers came without appointments."))
    recommendations = "<ol><li>Count libraries in the integration plan.</li></ol>"

    @factory.post_generation
    def challenges(self, create, extracted, **kwargs):
        set_terms(self, "challenges", Challenge, extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        set_terms(self, "culture_themes", CultureTheme, extracted)
        save_terms(self)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"
    intro = "Webinars, workshops and study visits."


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A webinar on the action-plan template."
    activity_type = factory.LazyFunction(lambda: term(ActivityType, "webinar"))
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    end = factory.LazyAttribute(lambda e: e.start + dt.timedelta(hours=2))
    time_zone = "Europe/Kyiv"
    attendance = "online"
    languages = factory.LazyFunction(lambda: ["en", "uk"])


class ToolkitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolkitPage

    title = "Toolkit"
    slug = "toolkit"
    intro = "The guidebook and the action-plan template."


class PartnersPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnersPage

    title = "Partners"
    slug = "partners"
    intro = "Five organisations run RESCOM together."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "An introduction."
    body = factory.LazyFunction(lambda: paragraph("Body text."))
