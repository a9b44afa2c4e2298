from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from contacts.privacy import CONTACT_MODELS, OTHER_HOLDERS
from matching.models import CityApplication, IntroductionRequest
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


def make_records(age_days: int):
    a = CityFactory(country="MD")
    b = CityFactory(country="SE")
    when = timezone.now() - timedelta(days=age_days)
    app = CityApplication.objects.create(
        city=a,
        contact_name="Old Sentinel",
        contact_email="old.sentinel@example.org",
        consent_given_at=when,
        consent_language="en",
    )
    intro = IntroductionRequest.objects.create(
        from_city=a,
        to_city=b,
        message="Sentinel message",
        outcome_note="Sentinel called back",
        contact_name="Old Sentinel",
        contact_email="old.sentinel@example.org",
        consent_given_at=when,
        consent_language="en",
    )
    CityApplication.objects.filter(pk=app.pk).update(created_at=when)
    IntroductionRequest.objects.filter(pk=intro.pk).update(created_at=when)
    return app, intro


def test_contacts_past_the_retention_period_are_erased(home_page, settings):
    settings.CONTACT_RETENTION_MONTHS = 24
    old_app, old_intro = make_records(age_days=800)
    new_app, new_intro = make_records(age_days=30)
    call_command("erase_expired_contacts", verbosity=0)
    for record in (old_app, old_intro):
        record.refresh_from_db()
        assert record.erased_at is not None
        assert "sentinel" not in f"{record.contact_name} {record.contact_email}".lower()
    old_intro.refresh_from_db()
    assert old_intro.message == "" and old_intro.outcome_note == ""
    assert old_intro.from_city_id and old_intro.outcome  # what happened is kept for learning
    for record in (new_app, new_intro):
        record.refresh_from_db()
        assert record.contact_email == "old.sentinel@example.org"


def test_the_retention_period_is_a_setting(home_page, settings):
    settings.CONTACT_RETENTION_MONTHS = 1
    app, _ = make_records(age_days=40)
    call_command("erase_expired_contacts", verbosity=0)
    app.refresh_from_db()
    assert app.erased_at is not None


def test_erased_records_are_left_as_they_are(home_page, settings):
    settings.CONTACT_RETENTION_MONTHS = 24
    app, _ = make_records(age_days=800)
    call_command("erase_expired_contacts", verbosity=0)
    app.refresh_from_db()
    first = app.erased_at
    call_command("erase_expired_contacts", "--months", "1", verbosity=0)
    app.refresh_from_db()
    assert app.erased_at == first


def test_every_model_that_stores_an_email_address_is_covered():
    """A new model holding contact details must join CONTACT_MODELS (retention, export, erasure)."""
    holding = {
        model
        for app in ("home", "cms", "matching", "contacts")
        for model in apps.get_app_config(app).get_models()
        if any(isinstance(field, models.EmailField) for field in model._meta.fields)
    }
    assert holding == set(CONTACT_MODELS) | set(OTHER_HOLDERS)
