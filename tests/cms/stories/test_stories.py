import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from cms.models import StoryPage
from cms.standard.contact import ProgrammeContact
from matching.taxonomy import Challenge
from tests.cms.factories import PartnerFactory, StandardPageFactory, StoryPageFactory
from tests.html_pages import texts
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return texts(response, ".cards .card__title")


def test_story_page_shows_city_year_vocabulary_and_results(client, story_index):
    city = CityFactory(name="Härnösand", country="SE")
    partner = PartnerFactory(name="Härnösand Municipality Public Library")
    story = StoryPageFactory(
        parent=story_index,
        title="The library as the town's living room",
        city=city,
        year=2024,
        results=[{"type": "figure", "value": {"figure": "12", "label": "volunteer hosts"}}],
        lessons="<ul><li>Keep it free.</li></ul>",
        challenges=["displaced-people"],
        roles=["space"],
    )
    story.partners.set([partner])
    story.save_revision().publish()

    html = client.get(story.url).content.decode()

    assert "The library as the town's living room" in unescape(html)
    assert "Härnösand, Sweden" in html
    assert "2024" in html
    assert "Displaced people" in html  # the term's label
    assert "Space" in html
    assert "12" in html and "volunteer hosts" in html
    assert "Keep it free." in html
    assert "Härnösand Municipality Public Library" in html


def test_country_comes_from_the_city_when_left_empty(story_index):
    story = StoryPageFactory(parent=story_index, city=CityFactory(country="MD"), country="")
    assert story.country.code == "MD"


def test_a_hero_image_needs_alt_text(story_index):
    image = Image.objects.create(title="Reading room", file=get_test_image_file())
    story = StoryPageFactory.build(city=CityFactory(), hero_image=image, hero_image_alt=" ")
    with pytest.raises(ValidationError) as error:
        story.clean()
    assert "hero_image_alt" in error.value.message_dict


def test_contact_is_shown_without_an_email_address(client, story_index, home_page):
    contact_page = StandardPageFactory(
        parent=home_page, title="Write to the programme", slug="contact"
    )
    ProgrammeContact.objects.update_or_create(pk=1, defaults={"contact_page": contact_page})
    story = StoryPageFactory(
        parent=story_index, contact_name="Anna Berg", contact_role="Head of the public library"
    )

    html = client.get(story.url).content.decode()

    assert "Anna Berg, Head of the public library" in html
    assert f'href="{contact_page.url}"' in html
    assert "Write to the programme" in html
    assert "mailto:" not in html


def test_contact_name_is_not_sent_for_translation():
    fields = {f.field_name: f for f in StoryPage.override_translatable_fields}
    assert fields["contact_name"].is_synchronized(None)
    assert not fields["contact_name"].is_overridable(None)


def test_index_lists_published_stories_newest_year_first(client, story_index):
    StoryPageFactory(parent=story_index, title="Older", year=2023)
    StoryPageFactory(parent=story_index, title="Newer", year=2025)
    response = client.get(story_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]
    assert "2 stories" in response.content.decode()


def test_filters_combine_and_live_in_a_shareable_address(client, story_index):
    se, md = CityFactory(country="SE"), CityFactory(country="MD")
    StoryPageFactory(
        parent=story_index,
        title="Match",
        city=se,
        year=2024,
        challenges=["ageing"],
        themes=["music"],
        roles=["spark"],
    )
    StoryPageFactory(
        parent=story_index,
        title="Wrong year",
        city=se,
        year=2023,
        challenges=["ageing"],
        themes=["music"],
        roles=["spark"],
    )
    StoryPageFactory(
        parent=story_index,
        title="Wrong country",
        city=md,
        year=2024,
        challenges=["ageing"],
        themes=["music"],
        roles=["spark"],
    )
    StoryPageFactory(
        parent=story_index,
        title="Wrong theme",
        city=se,
        year=2024,
        challenges=["ageing"],
        themes=["festivals"],
        roles=["spark"],
    )
    StoryPageFactory(
        parent=story_index,
        title="Wrong role",
        city=se,
        year=2024,
        challenges=["ageing"],
        themes=["music"],
        roles=["root"],
    )

    url = f"{story_index.url}?challenge=ageing&theme=music&role=spark&country=SE&year=2024"
    response = client.get(url)

    assert titles(response) == ["Match"]
    assert 'value="SE" selected' in response.content.decode()


def test_each_filter_alone(client, story_index):
    StoryPageFactory(parent=story_index, title="Ageing", challenges=["ageing"])
    StoryPageFactory(parent=story_index, title="Brain drain", challenges=["brain-drain"])
    assert titles(client.get(f"{story_index.url}?challenge=brain-drain")) == ["Brain drain"]


@pytest.mark.parametrize(
    "query",
    [
        "?challenge=no-such-challenge",
        "?year=abc",
        "?year=1066",
        "?country=ZZ",
        "?page=abc",
        "?page=-1",
        "?page=99999999999999999999",
        "?theme=" + "x" * 5000,
        "?role=gateway&role=spark&page=2.5",
    ],
)
def test_bad_filter_or_page_values_never_fail(client, story_index, query):
    StoryPageFactory(parent=story_index, title="Still listed", challenges=["ageing"])
    response = client.get(story_index.url + query)
    assert response.status_code == 200


def test_unknown_filter_value_is_ignored_and_said(client, story_index):
    StoryPageFactory(parent=story_index, title="Still listed")
    response = client.get(f"{story_index.url}?challenge=deleted-term")
    assert titles(response) == ["Still listed"]
    html = response.content.decode()
    assert "not recognised and have been ignored" in html
    # Screen readers hear which list held the value, and the others are not accused.
    assert re.search(r'<select name="challenge" aria-invalid="true"', html)
    assert not re.search(r'<select name="theme"[^>]*aria-invalid', html)


def test_listing_paginates_and_keeps_filters_in_page_links(client, story_index):
    for n in range(14):
        StoryPageFactory(parent=story_index, title=f"Story {n:02}", challenges=["ageing"])
    first = client.get(f"{story_index.url}?challenge=ageing")
    assert len(titles(first)) == 12
    assert "?challenge=ageing&amp;page=2" in first.content.decode()
    second = client.get(f"{story_index.url}?challenge=ageing&page=2")
    assert len(titles(second)) == 2


def test_labels_are_in_the_visitors_language(
    client, story_index, django_capture_on_commit_callbacks
):
    from cms.editorial.translations import translate_instance

    ageing = Challenge.objects.create(
        slug="ageing", locale=Locale.get_default(), name="Ageing population", group="demographic"
    )
    uk = Locale.objects.get(language_code="uk")
    story = StoryPageFactory(parent=story_index, title="Older people sing", challenges=["ageing"])
    for instance, strings in [
        (ageing, {"Ageing population": "Старіння населення"}),
        (story_index.get_parent().specific, {}),
        (story_index, {"Good-practice stories": "Історії добрих практик"}),
        (story, {"Older people sing": "Старші люди співають"}),
    ]:
        # One commit per translation, as in production: wagtail-localize publishes on commit.
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(instance, uk, strings)

    html = client.get("/uk/stories/").content.decode()

    assert "Старші люди співають" in html
    assert "Старіння населення" in html
    assert "Ageing population" not in html


def test_home_page_shows_latest_stories_and_upcoming_events(client, story_index, event_index):
    from tests.cms.factories import EventPageFactory

    StoryPageFactory(parent=story_index, title="Newest story")
    EventPageFactory(parent=event_index, title="Next webinar")
    html = client.get("/en/").content.decode()
    assert "Latest stories" in html and "Newest story" in html
    assert "Upcoming events" in html and "Next webinar" in html
    assert 'action="/en/search/"' in html
