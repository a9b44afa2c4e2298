import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Locale, ModelLogEntry

from contacts.consent import CONSENT_VERSION, consent_wording
from contacts.notifications import confirm_to_person
from contacts.withdrawal import SALT, record_for, withdrawal_path, withdrawal_token
from matching.models import City, CityApplication, CityText, IntroductionRequest
from tests.cms.factories import StandardPageFactory
from tests.matching.test_pages import registration

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s]+/consent/withdraw/[^\s]+/")
TOKEN = re.compile(r"/consent/withdraw/([^/\s\"]+)/")


def register(client, capture, language="en", **extra):
    with capture(execute=True):
        response = client.post(f"/{language}/register/", registration(**extra))
    assert response.status_code == 302
    return response


def mail_to(address: str):
    return [m for m in mail.outbox if address in m.to]


def test_consent_is_stored_with_its_time_wording_version_and_language(
    client, site, django_capture_on_commit_callbacks
):
    before = timezone.now()
    register(client, django_capture_on_commit_callbacks, language="uk")
    application = CityApplication.objects.get()
    assert before <= application.consent_given_at <= timezone.now()
    assert application.consent_version == CONSENT_VERSION
    assert application.consent_language == "uk"
    assert application.consent_withdrawn_at is None


def test_without_the_ticked_box_nothing_is_stored(client, site):
    response = client.post("/en/register/", registration(consent=""))
    assert response.status_code == 200
    assert "Please give your consent" in response.content.decode()
    assert not CityApplication.objects.exists()


@pytest.mark.parametrize("language", ["uk", "ro"])
def test_the_consent_box_reads_in_the_visitors_language(client, site, language):
    html = client.get(f"/{language}/register/").content.decode()
    with translation.override(language):
        wording = consent_wording()
    with translation.override("en"):
        assert wording != consent_wording()  # translated, not the English words
    assert wording.split(" RESCOM ")[0] in html
    assert "I agree that the RESCOM programme" not in html


@pytest.mark.parametrize(
    "language, months, words",
    [
        ("en", 1, "up to 1 month."),
        ("en", 24, "up to 24 months."),
        ("ro", 1, "cel mult 1 lună."),
        ("ro", 12, "cel mult 12 luni."),
        ("ro", 24, "cel mult 24 de luni."),
        ("uk", 1, "ніж 1 місяць."),
        ("uk", 24, "ніж 24 місяці."),
        ("uk", 36, "ніж 36 місяців."),
    ],
)
def test_the_keeping_period_reads_as_the_language_counts_it(
    client, site, settings, django_capture_on_commit_callbacks, language, months, words
):
    settings.CONTACT_RETENTION_MONTHS = months
    register(client, django_capture_on_commit_callbacks, language=language)
    assert words in mail_to("ana.sentinel@example.org")[0].body


def test_consent_label_links_to_the_privacy_page(client, site, home_page):
    privacy = StandardPageFactory(parent=home_page, slug="privacy", title="Privacy")
    html = client.get("/en/register/").content.decode()
    label = html[html.find('name="consent"') : html.find("</label>", html.find('name="consent"'))]
    assert f'href="{privacy.url}"' in label


def test_confirmation_page_and_email_carry_a_withdrawal_link_in_the_persons_language(
    client, site, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks, language="uk")
    confirmation = client.get(response["Location"])
    assert "no-store" in confirmation["Cache-Control"]
    application = CityApplication.objects.get()
    [token] = TOKEN.findall(confirmation.content.decode())
    assert record_for(token) == application

    [email] = mail_to("ana.sentinel@example.org")
    link = LINK.search(email.body).group(0)
    assert "/uk/consent/withdraw/" in link  # the language consent was given in
    assert record_for(TOKEN.search(link).group(1)) == application
    assert "24" in email.body  # how long the details are kept


def test_email_and_withdrawal_page_name_the_cities_in_the_persons_language(
    client, site, django_capture_on_commit_callbacks
):
    ukrainian, _ = Locale.objects.get_or_create(language_code="uk")
    CityText.objects.create(city=City.objects.get(slug="md-cahul"), locale=ukrainian, name="Кагул")
    CityText.objects.create(city=site, locale=ukrainian, name="Гернесанд")
    register(client, django_capture_on_commit_callbacks, language="uk")
    [email] = mail_to("ana.sentinel@example.org")
    assert "Кагул" in email.body and "Cahul" not in email.body
    page = client.get(withdrawal_path(CityApplication.objects.get())).content.decode()
    assert "Кагул" in page and "Cahul" not in page

    introduction = IntroductionRequest.objects.create(
        from_city=City.objects.get(slug="md-cahul"),
        to_city=site,
        message="We want to learn from their library.",
        contact_name="Ana Sentinel",
        contact_email="ana.intro@example.org",
        consent_given_at=timezone.now(),
        consent_language="uk",
    )
    confirm_to_person(introduction)
    [email] = mail_to("ana.intro@example.org")
    assert "Кагул" in email.body and "Гернесанд" in email.body
    page = client.get(withdrawal_path(introduction)).content.decode()
    assert "Кагул" in page and "Гернесанд" in page and "Härnösand" not in page


def test_one_confirming_click_withdraws_consent_and_erases_the_details(
    client, site, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks, language="ro")
    application = CityApplication.objects.get()
    path = withdrawal_path(application)

    page = client.get(path)
    assert page.status_code == 200
    assert '<html lang="ro"' in page.content.decode()
    assert 'method="post"' in page.content.decode()
    assert "Cahul" in page.content.decode()  # which request the link is about
    application.refresh_from_db()
    assert application.erased_at is None  # opening the link alone changes nothing

    done = client.post(path)
    assert done.status_code == 200
    assert "notice--success" in done.content.decode()
    application.refresh_from_db()
    assert application.consent_withdrawn_at is not None
    assert application.erased_at is not None
    assert "sentinel" not in f"{application.contact_name} {application.contact_email}".lower()
    entry = ModelLogEntry.objects.get(action="matching.withdraw_consent")
    assert "sentinel" not in f"{entry.label} {entry.data}".lower()

    again = client.get(path)
    assert "notice--success" in again.content.decode()  # the link still explains what happened


def test_a_link_e_mailed_with_its_time_before_still_withdraws(
    client, site, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    application = CityApplication.objects.get()
    old = signing.dumps(["cityapplication", application.pk], salt=SALT, compress=True)
    page = client.get(withdrawal_path(application).replace(withdrawal_token(application), old))
    assert 'method="post"' in page.content.decode() and "Cahul" in page.content.decode()
    assert record_for(old[:-2] + "xx") is None  # damaged: nothing


def test_an_introduction_request_can_be_withdrawn_too(site, client):
    intro = IntroductionRequest.objects.create(
        from_city=site,
        to_city=site,
        message="Sentinel message",
        contact_name="Ana Sentinel",
        contact_email="ana.sentinel@example.org",
        consent_given_at=timezone.now() - timedelta(days=1),
        consent_language="en",
    )
    client.post(withdrawal_path(intro))
    intro.refresh_from_db()
    assert intro.message == "" and intro.consent_withdrawn_at is not None


def test_a_damaged_or_forged_link_gets_a_clear_page_not_an_error(client, site):
    application = CityApplication.objects.create(
        city=site,
        contact_name="Ana Sentinel",
        contact_email="ana.sentinel@example.org",
        consent_given_at=timezone.now(),
        consent_language="en",
    )
    path = withdrawal_path(application)
    for bad in (path[:-6] + "x/", "/en/consent/withdraw/not-a-token/"):
        response = client.post(bad)
        assert response.status_code == 404
        assert "not valid" in response.content.decode()
    application.refresh_from_db()
    assert application.erased_at is None


def test_withdrawal_needs_the_csrf_token(site):
    application = CityApplication.objects.create(
        city=site,
        contact_name="Ana Sentinel",
        contact_email="ana.sentinel@example.org",
        consent_given_at=timezone.now(),
        consent_language="en",
    )
    response = Client(enforce_csrf_checks=True).post(withdrawal_path(application))
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.erased_at is None
