"""An editor writes a story, a moderator approves it, it is translated to Romanian and goes live."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from cms.models import StoryIndexPage, StoryPage

from .test_city_journey import log_in

pytestmark = pytest.mark.browser

TITLE = "Dubno's library opens its courtyard"
TITLE_RO = "Biblioteca din Dubno își deschide curtea"


def write_story(page: Page, index_id: int) -> None:
    page.goto(f"/admin/pages/add/cms/storypage/{index_id}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(
        "Summer readings in the courtyard brought neighbours together."
    )
    page.locator("#id_year").fill("2025")
    page.get_by_role("button", name="Choose city").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Search term").fill("Dubno")
    modal.get_by_role("link", name="Dubno").first.click()
    expect(page.locator("#id_city-title")).to_contain_text("Dubno")
    page.locator("#panel-child-content-body-content button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Rich text").click()
    body = page.locator("#panel-child-content-body-content")
    text = body.get_by_role("textbox").first
    expect(text).to_be_visible()
    text.click()
    page.keyboard.type("Every Thursday the library reads aloud in its courtyard.")
    expect(body).to_contain_text("Every Thursday")
    # Wagtail autosaves the draft as the editor types; submit once it has caught up.
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()


def submit_for_moderation(page: Page) -> None:
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)


def approve(page: Page, story_id: int) -> None:
    page.goto(f"/admin/pages/{story_id}/edit/")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Approve and Publish").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)


def translate_to_romanian(page: Page, story_id: int) -> None:
    """Submit for translation, then wagtail-localize's editor: translate a segment, publish."""
    page.goto(f"/admin/localize/submit/page/{story_id}/")
    page.get_by_label("Romanian").check()
    page.get_by_role("button", name="Submit").click()
    publish = page.get_by_role("button", name="Publish in Romanian")
    expect(publish).to_be_visible()
    page.get_by_role("button", name="Translate").first.click()  # the title segment
    page.locator("textarea").first.fill(TITLE_RO)
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator("textarea")).to_have_count(0)  # the segment is saved
    expect(page.get_by_text(TITLE_RO).first).to_be_visible()
    with page.expect_navigation(timeout=60_000):
        publish.click()


def test_editor_journey(page: Page, browser, site):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    log_in(page, "editor")
    write_story(page, index.pk)
    submit_for_moderation(page)
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    assert story.workflow_in_progress

    moderation: BrowserContext = browser.new_context(base_url=site["url"])
    moderator = moderation.new_page()
    log_in(moderator, "moderator")
    approve(moderator, story.pk)
    story.refresh_from_db()
    assert story.live
    moderator.goto(story.url)
    expect(moderator.locator("h1")).to_have_text(TITLE)

    translate_to_romanian(moderator, story.pk)
    moderation.close()
    romanian = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ro"
    )
    assert romanian.live
    page.goto(f"/ro/stories/{romanian.slug}/")
    expect(page.locator("h1")).to_have_text(TITLE_RO)
    expect(page.locator("html")).to_have_attribute("lang", "ro")
