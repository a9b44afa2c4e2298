"""The accessibility statement's feedback form: stored for staff, moderators told, abuse refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from cms.editorial.roles import MODERATORS
from contacts.models import AccessibilityFeedback
from tests.cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home_page):
    return StandardPageFactory(parent=home_page, slug="accessibility", page_form="accessibility")


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
        client.post(statement.url, report(message=""))  # mistakes, corrected: not counted
    codes = [client.post(statement.url, report()).status_code for _ in range(11)]
    assert codes == [302] * 10 + [429]
    assert AccessibilityFeedback.objects.count() == 10


def test_posts_without_a_csrf_token_are_refused(statement):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(statement.url, report()).status_code == 403


def test_a_reporters_address_is_exported_erased_and_expires_like_other_contacts(statement):
    import datetime as dt

    from django.utils import timezone

    from contacts.privacy import erase_person, export_person
    from contacts.retention import erase_expired_contacts

    mine = AccessibilityFeedback.objects.create(
        message="Contrast too low.", email="reader@example.org", language="uk"
    )
    old = AccessibilityFeedback.objects.create(
        message="Old report by Ana.", email="ana@example.org", language="ro"
    )
    AccessibilityFeedback.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=3 * 365)
    )

    exported = export_person("Reader@Example.org")
    assert [r["message"] for r in exported["accessibility_feedback"]] == ["Contrast too low."]
    assert "Contrast" not in str(mine) and "Ana" not in str(old)

    assert erase_person("reader@example.org") == 1
    mine.refresh_from_db()
    assert (mine.email, mine.message) == ("", "")
    assert export_person("reader@example.org")["accessibility_feedback"] == []

    assert erase_expired_contacts() == 1
    old.refresh_from_db()
    assert (old.email, old.message) == ("", "") and old.erased_at is not None


def test_only_staff_with_the_contact_permission_see_a_reporters_address(client, moderator):
    from cms.editorial.roles import ensure_editorial_roles

    ensure_editorial_roles()
    feedback = AccessibilityFeedback.objects.create(
        message="Contrast too low.", email="reader@example.org", language="en"
    )
    client.force_login(moderator)
    url = f"/admin/snippets/contacts/accessibilityfeedback/edit/{feedback.pk}/"
    page = client.get(url).content.decode()
    assert "Contrast too low." in page and "reader@example.org" not in page

    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(Permission.objects.get(codename="view_contact"))
    assert "reader@example.org" in client.get(url).content.decode()


def test_the_feedback_form_refuses_a_post_without_its_csrf_token(statement):
    import re

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(statement.url, report()).status_code == 403
    html = strict.get(statement.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert strict.post(statement.url, report(csrfmiddlewaretoken=token)).status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
