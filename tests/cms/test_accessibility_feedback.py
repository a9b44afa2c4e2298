"""The accessibility statement's feedback form: stored for staff, moderators told, abuse refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from cms.editorial_roles import MODERATORS
from cms.models import AccessibilityFeedback

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home_page):
    return StandardPageFactory(parent=home_page, slug="accessibility", feedback_form=True)


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("mod", "mod@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    return user


def report(**changes) -> dict:
    return {"page_address": "/en/toolkit/", "message": "The PDF cannot be read aloud."} | changes


def test_statement_page_shows_the_form_only_where_asked(client, statement, home_page):
    assert 'name="message"' in client.get(statement.url).content.decode()
    other = StandardPageFactory(parent=home_page, slug="privacy")
    assert 'name="message"' not in client.get(other.url).content.decode()


def test_a_report_is_stored_and_moderators_are_told(
    client, statement, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(statement.url, report(email="reader@example.org", consent="on"))
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "The PDF cannot be read aloud."
    assert feedback.consent_given_at is not None
    assert feedback.language == "en"
    assert mail.outbox[0].to == ["mod@example.org"]
    assert "reader@example.org" not in mail.outbox[0].body  # no personal data in the e-mail
    assert "Thank you" in client.get(response.url).content.decode()


def test_an_email_needs_consent_and_nothing_typed_is_lost(client, statement):
    response = client.post(statement.url, report(email="reader@example.org"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "The PDF cannot be read aloud." in html
    assert not AccessibilityFeedback.objects.exists()


def test_honeypot_and_rate_limit(client, statement):
    client.post(statement.url, report(website="http://spam.example"))
    assert not AccessibilityFeedback.objects.exists()
    for _ in range(10):
        client.post(statement.url, report(message=""))
    response = client.post(statement.url, report())
    assert response.status_code == 429
    assert not AccessibilityFeedback.objects.exists()


def test_posts_without_a_csrf_token_are_refused(statement):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(statement.url, report()).status_code == 403
