"""Writing to the programme from the contact page: stored with consent, staff told, the writer
confirmed in their language, nothing typed lost on an error, and the message erasable."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.utils import translation
from wagtail.models import Locale

from cms.editorial.roles import MODERATORS
from cms.editorial.translations import translate_instance
from contacts.consent import CONSENT_VERSION
from contacts.models import ProgrammeMessage
from contacts.privacy import erase_person, export_person
from home.matching_pages import ensure_matching_pages
from matching.models import City, CityStatus
from tests.cms.factories import StandardPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page):
    return StandardPageFactory(
        parent=home_page, slug="contact", title="Write to the programme", page_form="contact"
    )


@pytest.fixture
def moderator(db, settings):
    settings.MODERATORS_EMAIL = []
    user = get_user_model().objects.create_user("mod", "mod@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    return user


def message(**changes) -> dict:
    return {
        "topic": "taking-part",
        "about": "",
        "message": "How can Cahul join the next shadowing round?",
        "contact_name": "Ana Rusu",
        "contact_role": "Culture department",
        "contact_email": "ana@example.org",
        "consent": "on",
    } | changes


def translated(page, code: str, capture):
    """The page and its parent translated and published (wagtail-localize publishes on commit)."""
    locale = Locale.objects.get(language_code=code)
    with capture(execute=True):
        translate_instance(page.get_parent().specific, locale, {})
    with capture(execute=True):
        translate_instance(page, locale, {})
    return page.get_translation(locale)


def test_the_contact_page_shows_the_form_in_the_visitors_language(
    contact_page, django_capture_on_commit_callbacks
):
    uk = translated(contact_page, "uk", django_capture_on_commit_callbacks)
    assert uk.live
    html = Client().get(uk.url).content.decode()
    assert uk.url == "/uk/contact/"
    assert 'name="message"' in html and 'name="contact_email"' in html
    with translation.override("uk"):
        label = translation.gettext("Your message")
    assert label != "Your message" and label in html


def test_a_link_from_a_story_says_which_story_the_question_is_about(contact_page, home_page):
    from cms.standard.contact import ProgrammeContact

    setting = ProgrammeContact.load()
    setting.contact_page = contact_page
    setting.save()
    story = StoryPageFactory(parent=home_page, title="Library living room")
    html = Client().get(story.url).content.decode()
    link = re.search(r'href="(/en/contact/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    form = Client().get(link).content.decode()
    assert 'value="Library living room"' in form
    assert re.search(r'<option value="content" selected>', form)


def test_a_city_that_already_has_a_profile_is_sent_to_the_form_about_it(contact_page, home_page):
    from cms.standard.contact import ProgrammeContact

    setting = ProgrammeContact.load()
    setting.contact_page = contact_page
    setting.save()
    ensure_matching_pages(home_page)
    City.objects.create(
        name="Cahul", slug="md-cahul", country="MD", population=34_000, status=CityStatus.APPROVED
    )
    html = Client().get("/en/register/", {"city": "md-cahul"}).content.decode()
    link = re.search(r'href="(/en/contact/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    form = Client().get(link).content.decode()
    assert 'value="Cahul"' in form
    assert re.search(r'<option value="taking-part" selected>', form)


def test_a_message_is_stored_with_consent_and_both_sides_are_told(
    client, contact_page, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", message())
    assert response.status_code == 302
    stored = ProgrammeMessage.objects.get()
    assert stored.message == "How can Cahul join the next shadowing round?"
    assert (stored.topic, stored.contact_email) == ("taking-part", "ana@example.org")
    assert stored.consent_given_at is not None
    assert (stored.consent_version, stored.consent_language) == (CONSENT_VERSION, "en")
    assert "Ana" not in str(stored) and "Cahul" not in str(stored)

    to_staff = next(m for m in mail.outbox if m.to == ["mod@example.org"])
    assert "ana@example.org" not in to_staff.body and "Ana" not in to_staff.body
    assert "Taking part" in to_staff.subject
    to_writer = next(m for m in mail.outbox if m.to == ["ana@example.org"])

    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks
    withdraw = re.search(r'href="([^"]+)">withdraw consent', thanks).group(1)
    by_email = re.search(r"https?://[^/\s]+(/\S*/consent/withdraw/\S+/)", to_writer.body).group(1)
    for link in (by_email, withdraw):  # the e-mail's link and the page's name this message
        assert "sent to the programme on" in client.get(link).content.decode()
    client.post(withdraw)
    stored.refresh_from_db()
    assert (stored.message, stored.contact_name) == ("", "")
    assert stored.consent_withdrawn_at is not None


def test_the_writer_is_confirmed_in_the_language_they_wrote_in(
    client, contact_page, django_capture_on_commit_callbacks
):
    translated(contact_page, "ro", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ro/contact/", message())
    assert response.status_code == 302
    assert response["Location"].startswith("/ro/contact/?sent=1")
    assert ProgrammeMessage.objects.get().consent_language == "ro"
    (to_writer,) = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    with translation.override("ro"):
        expected = translation.gettext("RESCOM: we received your message")
    assert to_writer.subject == expected != "RESCOM: we received your message"


@pytest.mark.parametrize(
    ("field", "value"),
    [("consent", ""), ("contact_email", "not-an-address"), ("message", ""), ("topic", "spam")],
)
def test_a_mistake_is_explained_and_nothing_typed_is_lost(client, contact_page, field, value):
    response = client.post("/en/contact/", message(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "How can Cahul join the next shadowing round?" in html or field == "message"
    assert 'value="Ana Rusu"' in html
    assert not ProgrammeMessage.objects.exists()


def test_bots_floods_and_forged_posts_are_refused(client, contact_page):
    client.post("/en/contact/", message(website="http://spam.example"))
    assert not ProgrammeMessage.objects.exists()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/en/contact/", message()).status_code == 403
    statuses = [client.post("/en/contact/", message()).status_code for _ in range(12)]
    assert 429 in statuses
    assert ProgrammeMessage.objects.count() < 12


def test_a_writers_data_is_exported_and_erased_with_everything_else(contact_page, client):
    client.post("/en/contact/", message())
    exported = export_person("ANA@example.org")
    (entry,) = exported["messages_to_the_programme"]
    assert entry["message"] == "How can Cahul join the next shadowing round?"
    assert entry["contact"]["email"] == "ana@example.org"
    assert erase_person("ana@example.org") == 1
    stored = ProgrammeMessage.objects.get()
    assert (stored.message, stored.contact_name, stored.about) == ("", "", "")
    assert export_person("ana@example.org")["messages_to_the_programme"] == []


def test_only_staff_with_the_contact_permission_read_a_message(client, moderator, contact_page):
    from cms.editorial.roles import ensure_editorial_roles

    ensure_editorial_roles()
    client.post("/en/contact/", message())
    stored = ProgrammeMessage.objects.get()
    staff = Client()
    staff.force_login(moderator)
    url = f"/admin/snippets/contacts/programmemessage/edit/{stored.pk}/"
    page = staff.get(url).content.decode()
    assert "Taking part" in page
    assert "shadowing round" not in page and "ana@example.org" not in page
    moderator.user_permissions.add(Permission.objects.get(codename="view_contact"))
    page = staff.get(url).content.decode()
    assert "shadowing round" in page and "ana@example.org" in page


def test_a_message_sent_twice_is_stored_and_told_once(
    client, contact_page, moderator, django_capture_on_commit_callbacks
):
    form = client.get("/en/contact/").content.decode()
    key = re.search(r'name="submission" value="([^"]+)"', form).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/en/contact/", message(submission=key))
        again = client.post("/en/contact/", message(submission=key))  # a reload, a retry
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert ProgrammeMessage.objects.count() == 1
    assert len(mail.outbox) == 2  # one to the moderators, one to the writer
    other = re.search(
        r'name="submission" value="([^"]+)"', client.get("/en/contact/").content.decode()
    )
    assert other.group(1) != key  # a new form is a new message


@pytest.mark.parametrize("damaged", ["", "not-a-key", "x" * 200])
def test_a_damaged_form_key_never_stops_a_message(client, contact_page, damaged):
    response = client.post("/en/contact/", message(submission=damaged))
    assert response.status_code == 302
    assert ProgrammeMessage.objects.get().submission_key is None
