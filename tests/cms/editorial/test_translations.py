"""No data loss in translation: the source, translators' work and re-syncs each keep what is theirs."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.editorial.translation_overview import build_overview
from cms.editorial.translations import translate_instance
from home.matching_pages import ensure_matching_pages
from matching.models import PartnerFinderPage

pytestmark = pytest.mark.django_db

TITLE, INTRO = "Find a partner city", "Find your city, then see its partners."
UK_TITLE, UK_INTRO = "Знайти місто-партнера", "Знайдіть своє місто й подивіться на партнерів."


@pytest.fixture
def finder(home_page, django_capture_on_commit_callbacks):
    page = PartnerFinderPage(title=TITLE, slug="partner-finder", intro=f"<p>{INTRO}</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    uk = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(home_page, uk, {})
        translate_instance(page, uk, {TITLE: UK_TITLE, INTRO: UK_INTRO})
    return page, page.get_translation(uk)


def edit_source(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_a_translation_never_changes_the_source(finder):
    source, uk = finder
    uk.intro = "<p>Виправлений текст перекладача.</p>"
    uk.save_revision().publish()
    source.refresh_from_db()
    assert source.title == TITLE and INTRO in source.intro


def test_changing_the_source_marks_the_translation_outdated_and_keeps_its_text(finder):
    source, uk = finder
    edit_source(source, intro="<p>A new introduction.</p>")
    uk.refresh_from_db()
    assert UK_INTRO in uk.intro and uk.title == UK_TITLE
    entries, totals = build_overview()
    state = next(e.status["uk"] for e in entries if e.source.pk == source.pk)
    assert state == "outdated"
    assert totals["uk"]["outdated"] >= 1


def test_resyncing_keeps_what_translators_did_that_the_source_did_not_touch(
    finder, django_capture_on_commit_callbacks
):
    source, uk = finder
    locale = uk.locale
    # A translator corrects the title in the translation editor.
    title = StringTranslation.objects.get(locale=locale, data=UK_TITLE)
    title.data = "Знайдіть партнера"
    title.save()
    # The source changes only its introduction, then translations are synced.
    edit_source(source, intro="<p>A new introduction.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        record, _ = TranslationSource.update_or_create_from_instance(source)
        record.translations.get(target_locale=locale).save_target(publish=True)
    uk.refresh_from_db()
    assert uk.title == "Знайдіть партнера"
    source.refresh_from_db()
    assert source.title == TITLE


def test_matching_pages_exist_in_every_language_after_the_demo(
    home_page, django_capture_on_commit_callbacks
):
    from home.demo_content import translate_home_page, translate_matching_pages

    ensure_matching_pages(home_page)
    with django_capture_on_commit_callbacks(execute=True):
        translate_home_page()
        translate_matching_pages()
    for code in ("uk", "ro"):
        assert PartnerFinderPage.objects.filter(locale__language_code=code, live=True).exists()


def page_of_every_type(home_page):
    from tests.cms.factories import (
        EventIndexPageFactory,
        EventPageFactory,
        LabConclusionsPageFactory,
        LabIndexPageFactory,
        LabPageFactory,
        PartnersPageFactory,
        StandardPageFactory,
        StoryIndexPageFactory,
        StoryPageFactory,
        ToolkitPageFactory,
    )

    stories, labs, events = (
        StoryIndexPageFactory(parent=home_page),
        LabIndexPageFactory(parent=home_page),
        EventIndexPageFactory(parent=home_page),
    )
    lab = LabPageFactory(parent=labs)
    return [
        home_page,
        stories,
        labs,
        events,
        lab,
        StoryPageFactory(parent=stories),
        LabConclusionsPageFactory(parent=lab),
        EventPageFactory(parent=events),
        ToolkitPageFactory(parent=home_page),
        PartnersPageFactory(parent=home_page),
        StandardPageFactory(parent=home_page),
    ]


def test_translation_editor_opens_for_every_page_type(
    admin_client, home_page, commit_each_translation
):
    uk = Locale.objects.get(language_code="uk")
    for page in page_of_every_type(home_page):
        translated = translate_instance(page.specific, uk, {})
        response = admin_client.get(f"/admin/pages/{translated.pk}/edit/")
        assert response.status_code == 200, type(page.specific).__name__
        assert "translation" in response.content.decode().lower()


def test_translators_can_download_and_upload_po_files(admin_client, finder):
    import polib

    source, uk = finder
    translation = TranslationSource.objects.get_for_instance(source).translations.get(
        target_locale=uk.locale
    )
    download = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(e for e in po if e.msgid == TITLE)
    assert entry.msgstr == UK_TITLE
    entry.msgstr = "Пошук партнера"
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "uk.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload}
    )
    assert StringTranslation.objects.filter(locale=uk.locale, data="Пошук партнера").exists()
