import pytest

from tests.cms.factories import EventPageFactory, StandardPageFactory, StoryPageFactory
from tests.html_pages import texts

pytestmark = pytest.mark.django_db


def results(response) -> list[str]:
    return texts(response, ".search-result h3")


def test_search_finds_every_page_type_and_counts(client, story_index, event_index, home_page):
    StoryPageFactory(parent=story_index, title="Libraries as living rooms")
    EventPageFactory(
        parent=event_index, title="Webinar on libraries", summary="Libraries welcome newcomers."
    )
    StandardPageFactory(parent=home_page, title="About libraries")
    StoryPageFactory(parent=story_index, title="A festival", summary="Residents run it.")

    response = client.get("/en/search/?q=libraries")

    assert response.status_code == 200
    found = results(response)
    assert {"Libraries as living rooms", "Webinar on libraries", "About libraries"} <= set(found)
    assert "A festival" not in found
    assert f"{len(found)} results for “libraries”" in response.content.decode()


def test_search_filters_by_page_type(client, story_index, event_index):
    StoryPageFactory(parent=story_index, title="Libraries as living rooms")
    EventPageFactory(parent=event_index, title="Webinar on libraries")
    assert results(client.get("/en/search/?q=libraries&type=events")) == ["Webinar on libraries"]


def test_search_stays_in_the_visitors_language(client, story_index):
    StoryPageFactory(parent=story_index, title="Libraries as living rooms")
    response = client.get("/uk/search/?q=libraries")
    assert response.status_code == 200
    assert results(response) == []


@pytest.mark.parametrize(
    "query",
    [
        "?q=",
        "?q=%20%20",
        "?q=a&type=bogus",
        "?q=" + "x" * 500,
        "?q=%22%27%3C%3E*:|!",
        "?q=a&page=zz",
        "?type=stories",
    ],
)
def test_odd_searches_never_fail(client, home_page, query):
    assert client.get("/en/search/" + query).status_code == 200


def test_search_page_is_not_indexed_by_robots(client, home_page):
    assert (
        '<meta name="robots" content="noindex">' in client.get("/en/search/?q=x").content.decode()
    )


def test_a_ukrainian_query_finds_other_forms_of_the_word(
    client, story_index, commit_each_translation
):
    from wagtail.models import Locale

    from cms.editorial.translations import translate_instance

    story = StoryPageFactory(parent=story_index, title="The library as a living room")
    uk = Locale.objects.get(language_code="uk")
    translate_instance(story_index.get_parent().specific, uk, {})
    translate_instance(story_index, uk, {})
    translate_instance(story, uk, {"The library as a living room": "Бібліотека як вітальня міста"})
    # The stem and the word itself both find it, on SQLite and on PostgreSQL (no Ukrainian stemmer).
    for query in ("бібліотек", "Бібліотека"):
        found = results(client.get("/uk/search/", {"q": query}))
        assert found == ["Бібліотека як вітальня міста"], query


@pytest.mark.postgres
def test_a_romanian_query_finds_other_forms_of_a_word_in_the_text(
    client, story_index, commit_each_translation
):
    from wagtail.models import Locale

    from cms.editorial.translations import translate_instance

    story = StoryPageFactory(
        parent=story_index, title="Small towns", summary="Libraries of small towns."
    )
    ro = Locale.objects.get(language_code="ro")
    translate_instance(story_index.get_parent().specific, ro, {})
    translate_instance(story_index, ro, {})
    translate_instance(
        story,
        ro,
        {"Small towns": "Orașe mici", "Libraries of small towns.": "Bibliotecile orașelor mici."},
    )
    # The Romanian stemmer reduces "biblioteca" and "bibliotecile" to one stem; the English
    # configuration used for English pages would not.
    assert results(client.get("/ro/search/", {"q": "biblioteca"})) == ["Orașe mici"]
    assert results(client.get("/en/search/", {"q": "biblioteca"})) == []
