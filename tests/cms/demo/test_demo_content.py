"""The demo loader builds a browsable, translated site once; running it again changes nothing."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from cms.demo.content import load_demo_content
from cms.models import EventPage, LabConclusionsPage, StoryPage
from cms.reference_data import load_partners
from home.demo_content import translate_home_page
from home.site_setup import ensure_home_page
from matching.directory import load_seed_cities
from matching.reference_data import load_taxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, inside a transaction rolled back at its end."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        pytest.MonkeyPatch.context() as patch,
        transaction.atomic(),
    ):
        # As outside a transaction: wagtail-localize publishes each translation at once.
        patch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
        ensure_home_page()
        for _term in load_taxonomy():
            pass
        load_seed_cities()
        load_partners()
        translate_home_page()
        first = load_demo_content()
        pages = Page.objects.count()
        second = load_demo_content()
        yield {"first": first, "second": second, "pages": pages}
        transaction.set_rollback(True)
    cache.clear()


def test_demo_loader_creates_pages_once(demo_site):
    assert demo_site["first"]["demo pages created"] >= 25
    assert demo_site["first"]["demo translations made"] >= 18
    assert demo_site["second"] == {"demo pages created": 0, "demo translations made": 0}
    assert Page.objects.count() == demo_site["pages"]


def test_demo_has_what_the_issue_asks(demo_site):
    stories = StoryPage.objects.filter(locale__language_code="en")
    assert stories.count() >= 8
    assert all(s.city_id and s.hero_image_id and s.hero_image_alt for s in stories)
    conclusions = LabConclusionsPage.objects.filter(locale__language_code="en")
    assert conclusions.count() == 2
    assert all(c.document.file.read(5) == b"%PDF-" for c in conclusions)
    events = EventPage.objects.filter(locale__language_code="en")
    assert events.count() == 6
    assert any(e.is_upcoming for e in events) and any(not e.is_upcoming for e in events)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/uk/about/", "Навчальна платформа стійких громад (RESCOM) зміцнює стійкість громад"),
        ("/ro/about/", "Platforma de învățare a comunităților reziliente (RESCOM)"),
        ("/uk/stories/harnosand-library-living-room/", "Бібліотека як вітальня міста"),
        (
            "/ro/stories/rujiena-festival-run-by-residents/",
            "Un festival pe care orașul îl organizează singur",
        ),
        (
            "/uk/stories/jakobstad-youth-culture-house/",
            "Нам не дали молодіжний центр. Ми його збудували.",
        ),
        (
            "/ro/learning-labs/culture-as-a-space-for-displaced-people/conclusions/",
            "Cultura este prima ușă deschisă",
        ),
        ("/uk/events/", "Вебінари, воркшопи, круглі столи"),
        ("/uk/events/rescom-forum/", "Форум RESCOM: культура для стійких громад"),
        ("/ro/events/study-visit-rujiena-cesis/", "Trei zile în două orașe letone"),
        ("/ro/toolkit/", "Model de plan de acțiune"),
        ("/uk/partners/", "Фонд «Ізоляція»"),
        ("/uk/privacy/", "Відкликати згоду так само легко, як і надати її."),
        ("/ro/privacy/", "Retragerea consimțământului este la fel de simplă ca acordarea lui."),
    ],
)
def test_translated_pages_are_served_in_their_language(client, demo_site, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_translated_story_keeps_no_english_body_text(client, demo_site):
    html = client.get("/uk/stories/harnosand-library-living-room/").content.decode()
    assert "Two evenings a week" not in html
    assert "Keep it free" not in html
    assert "Двічі на тиждень" in html


def test_translated_event_keeps_no_english_text(client, demo_site):
    html = client.get("/uk/events/pearl-shadowing-harnosand/").content.decode()
    assert "Participants follow their Swedish colleagues" not in html
    assert "Härnösand Public Library" not in html
    assert "Учасники супроводжують шведських колег" in html
    assert "Публічна бібліотека Гернесанда" in html


def test_privacy_page_explains_what_is_kept_and_for_how_long(client, demo_site, settings):
    html = client.get("/en/privacy/").content.decode()
    assert f"{settings.CONTACT_RETENTION_MONTHS} months" in html
    assert "Council of the Baltic Sea States (CBSS)" in html
    assert "Sample content" not in html
    for language in ("uk", "ro"):
        translated = client.get(f"/{language}/privacy/").content.decode()
        assert "Withdrawing consent is as easy" not in translated
        assert "only the cookies it needs" not in translated


def test_sample_pages_say_so_and_the_about_page_does_not(client, demo_site):
    assert "Sample content" in client.get("/en/stories/kiel-harbour-stories/").content.decode()
    assert "Sample content" not in client.get("/en/about/").content.decode()


def test_indexes_are_in_the_main_menu(client, demo_site):
    html = client.get("/en/").content.decode()
    menu = html.split('class="menu"', 1)[1].split("</ul>", 1)[0]
    for title in (
        "Good-practice stories",
        "Learning labs",
        "Events",
        "Toolkit",
        "Partners",
        "About RESCOM",
    ):
        assert title in menu
    assert "Privacy" not in menu
