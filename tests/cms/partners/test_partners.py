import pytest
from wagtail.models import Locale

from cms.models import PartnerOrganisation
from cms.reference_data import load_partners
from tests.cms.factories import PartnerFactory, PartnersPageFactory

pytestmark = pytest.mark.django_db


def test_partners_load_once_with_their_translations(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created, translated = load_partners()
    assert (created, translated) == (5, 10)
    with django_capture_on_commit_callbacks(execute=True):
        assert load_partners() == (0, 0)

    lead = PartnerOrganisation.objects.get(slug="cbss-secretariat", locale=Locale.get_default())
    assert lead.role == "lead" and lead.country.code == "SE"
    assert lead.get_translation(Locale.objects.get(language_code="uk")).name == (
        "Секретаріат Ради держав Балтійського моря"
    )
    izolyatsia = PartnerOrganisation.objects.get(
        slug="izolyatsia-foundation", locale=Locale.get_default()
    )
    assert "Donetsk" in izolyatsia.description and izolyatsia.based_in == "Kyiv"
    assert not PartnerOrganisation.objects.exclude(logo=None).exists()


def test_partners_page_lists_partners_in_the_visitors_language_with_fallback(
    client, home_page, django_capture_on_commit_callbacks
):
    from cms.editorial.translations import translate_instance

    page = PartnersPageFactory(parent=home_page)
    lead = PartnerFactory(name="CBSS Secretariat", role="lead", sort_order=0)
    PartnerFactory(name="Härnösand Public Library", sort_order=1)
    uk = Locale.objects.get(language_code="uk")
    for instance, strings in [
        (lead, {"CBSS Secretariat": "Секретаріат РДБМ"}),
        (home_page, {}),
        (page, {}),
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(instance, uk, strings)

    english = client.get(page.url).content.decode()
    ukrainian = client.get("/uk/partners/").content.decode()

    assert english.index("CBSS Secretariat") < english.index("Härnösand Public Library")
    assert "Lead partner" in english
    assert "Секретаріат РДБМ" in ukrainian
    assert "Härnösand Public Library" in ukrainian  # not yet translated: shown in English


def test_each_story_shows_its_own_partners_in_the_readers_language(
    client, story_index, django_capture_on_commit_callbacks
):
    from cms.editorial.translations import translate_instance
    from tests.cms.factories import StoryPageFactory

    library = PartnerFactory(name="Härnösand Public Library")
    foundation = PartnerFactory(name="IZOLYATSIA Foundation")
    stories = []
    for partner in (library, foundation):
        story = StoryPageFactory(parent=story_index)
        story.partners.set([partner])
        story.save_revision().publish()
        stories.append(story)
    uk = Locale.objects.get(language_code="uk")
    for instance, strings in [
        (library, {"Härnösand Public Library": "Публічна бібліотека Гернесанда"}),
        (story_index.get_parent().specific, {}),
        (story_index, {}),
        (stories[0], {}),
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(instance, uk, strings)

    first, second = (client.get(story.url).content.decode() for story in stories)
    ukrainian = client.get(stories[0].get_translation(uk).url).content.decode()

    assert "Härnösand Public Library" in first and "IZOLYATSIA" not in first
    assert "IZOLYATSIA Foundation" in second and "Härnösand" not in second
    assert "Публічна бібліотека Гернесанда" in ukrainian and "IZOLYATSIA" not in ukrainian
