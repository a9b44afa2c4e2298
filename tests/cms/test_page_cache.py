"""The page cache: fast for anonymous visitors, never stale, never another language or visitor's page."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from cms.page_cache import PageCacheMiddleware, bump_generation, page_key
from contacts.models import AccessibilityFeedback, ProgrammeMessage
from home.matching_pages import ensure_matching_pages
from matching.taxonomy import Challenge
from tests.cms.factories import StandardPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True


def cached(client, url: str, **headers) -> bool:
    """Whether this view was served from the cache (after a first view that may store it)."""
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.get("X-Page-Cache") == "hit"


def test_second_anonymous_view_comes_from_the_cache(client, story_index):
    story = StoryPageFactory(parent=story_index)
    assert not cached(client, story.url)
    assert cached(client, story.url)


def test_publishing_a_change_shows_at_once(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Evening library")
    client.get(story.url)
    story.title = "Night library"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Night library" in html and "Evening library" not in html
    # The listing that shows the story is emptied too, not only the story's own page.
    assert "Night library" in client.get(story_index.url).content.decode()


def test_a_saved_draft_does_not_reach_visitors(client, story_index):
    story = StoryPageFactory(parent=story_index, title="Evening library")
    client.get(story.url)
    story.title = "Draft title"
    story.save_revision()
    assert "Draft title" not in client.get(story.url).content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_a_page_taken_away_is_gone_at_once(client, home_page, story_index, change):
    page = StandardPageFactory(parent=story_index, slug="about-us")
    url = page.url
    assert not cached(client, url)
    assert cached(client, url)
    if change == "unpublish":
        page.unpublish()
    elif change == "delete":
        page.delete()
    else:
        page.move(home_page, pos="last-child")
    assert client.get(url).status_code in (301, 404)  # a move leaves a redirect behind


def test_a_changed_taxonomy_label_shows_on_the_pages_that_use_it(client, story_index):
    story = StoryPageFactory(parent=story_index, challenges=["ageing"])
    client.get(story.url)
    term = Challenge.objects.get(slug="ageing", locale__language_code="en")
    term.name = "Greying population"
    term.save()
    assert "Greying population" in client.get(story.url).content.decode()


def test_each_query_string_has_its_own_entry(client, story_index):
    StoryPageFactory(parent=story_index, title="Aging town", challenges=["ageing"])
    StoryPageFactory(parent=story_index, title="Draining town", challenges=["brain-drain"])
    ageing = client.get(story_index.url + "?challenge=ageing").content.decode()
    drain = client.get(story_index.url + "?challenge=brain-drain")
    assert drain.get("X-Page-Cache") != "hit"
    assert "Aging town" in ageing and "Aging town" not in drain.content.decode()
    assert cached(client, story_index.url + "?challenge=ageing")


def test_one_language_is_never_served_for_another(
    client, home_page, django_capture_on_commit_callbacks
):
    from home.demo_content import translate_home_page

    with django_capture_on_commit_callbacks(execute=True):
        translate_home_page()
    client.get("/uk/", HTTP_ACCEPT_LANGUAGE="uk")
    english = client.get("/en/", HTTP_ACCEPT_LANGUAGE="uk")
    assert '<html lang="en">' in english.content.decode()
    client.get("/en/")
    assert '<html lang="uk">' in client.get("/uk/").content.decode()


def test_the_key_holds_the_language_and_a_mislabelled_response_is_not_stored():
    request = RequestFactory().get("/api/v1/cities/")
    assert page_key(request, "en") != page_key(request, "uk")

    def answers_in_ukrainian(request):
        return HttpResponse("Привіт", headers={"Content-Language": "uk"})

    middleware = PageCacheMiddleware(answers_in_ukrainian)
    middleware(RequestFactory().get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="en"))
    assert cache.get(page_key(request, "en")) is None


def test_a_page_with_a_csrf_form_is_never_cached(client, home_page):
    ensure_matching_pages(home_page)
    url = "/en/register/"
    first = client.get(url)
    assert b"csrfmiddlewaretoken" in first.content
    assert not cached(client, url)
    assert not cached(client, url)


def test_a_page_with_a_message_is_never_cached(rf):
    from django.contrib.messages import info
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    def view_with_message(request):
        info(request, "Saved.")
        return HttpResponse("<p>Saved.</p>", headers={"Content-Language": "en"})

    # The middleware as the site orders it: the message is stored on the way out.
    middleware = PageCacheMiddleware(SessionMiddleware(MessageMiddleware(view_with_message)))
    middleware(rf.get("/en/"))
    assert middleware(rf.get("/en/")).get("X-Page-Cache") != "hit"


def test_a_logged_in_editor_is_never_served_or_stored(client, story_index):
    story = StoryPageFactory(parent=story_index)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    assert not cached(client, story.url)
    assert not cached(client, story.url)
    client.logout()
    anonymous = client.get(story.url)
    assert anonymous.get("X-Page-Cache") != "hit"  # the editor's view was not stored


def test_the_search_page_has_no_csrf_token_and_may_be_cached(client, home_page):
    url = "/en/search/?q=library"
    assert b"csrfmiddlewaretoken" not in client.get(url).content
    assert cached(client, url)


def test_clearing_by_hand_empties_every_entry(client, story_index):
    client.get(story_index.url)
    bump_generation()
    assert not cached(client, story_index.url)


def test_caching_off_serves_nothing_from_the_cache(client, settings, story_index):
    settings.PAGE_CACHE = False
    client.get(story_index.url)
    assert not cached(client, story_index.url)


@pytest.mark.redis
def test_the_shared_redis_cache_serves_and_empties_pages(client, settings, story_index):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
            "KEY_PREFIX": "rescom-test-page-cache",
        },
        "uncached": settings.CACHES["uncached"],
    }
    story = StoryPageFactory(parent=story_index, title="Evening library")
    assert not cached(client, story.url)
    assert cached(client, story.url)
    story.title = "Night library"
    story.save_revision().publish()
    response = client.get(story.url)
    assert response.get("X-Page-Cache") != "hit"
    assert "Night library" in response.content.decode()
    assert cached(client, story.url)


def test_what_people_send_the_programme_leaves_the_cached_pages_in_place(client, story_index):
    """A message or a barrier report never shows on a public page: storing one empties nothing."""
    story = StoryPageFactory(parent=story_index)
    client.get(story.url)
    ProgrammeMessage.objects.create(
        message="Hello",
        contact_name="Ana",
        contact_email="ana@example.org",
        consent_given_at=timezone.now(),
        consent_language="en",
    )
    AccessibilityFeedback.objects.create(message="Contrast too low", language="en")
    assert cached(client, story.url)
