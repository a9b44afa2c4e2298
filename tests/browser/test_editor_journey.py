"""An editor writes a story, a moderator approves it, it is translated to Romanian and goes live."""

import re
import time

import pytest
from django.db import OperationalError
from playwright.sync_api import BrowserContext, Page, expect
from wagtail.models import Locale

from cms.models import StoryIndexPage, StoryPage
from tests.browser.conftest import PASSWORD
from tests.browser.keyboard import activate, tab_to
from tests.browser.test_city_journey import log_in

pytestmark = pytest.mark.browser

TITLE = "Dubno's library opens its courtyard"
TITLE_RO = "Biblioteca din Dubno își deschide curtea"


def open_new_story(page: Page, index_id: int) -> None:
    """The editor's form, once Wagtail watches it for changes.

    Wagtail takes the form as it stands two seconds after it loads as the unchanged state:
    whatever is typed before then would count as unchanged, and never be autosaved.
    """
    page.goto(f"/admin/pages/add/cms/storypage/{index_id}/")
    form = page.locator("[data-edit-form]")
    expect(form).to_have_attribute("data-w-unsaved-has-edits-value", "false")


def write_story(page: Page, index_id: int) -> None:
    open_new_story(page, index_id)
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


KEYBOARD_TITLE = "Dubno's library reads aloud after dark"
KEYBOARD_TITLE_RO = "Biblioteca din Dubno citește cu voce tare seara"
BODY_TEXT = "Twice a week the library reads aloud until late."


def log_in_by_keyboard(page: Page, username: str) -> None:
    page.goto("/admin/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    activate(page)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def write_story_by_keyboard(page: Page, index_id: int) -> None:
    open_new_story(page, index_id)
    tab_to(page, "#id_title")
    page.keyboard.type(KEYBOARD_TITLE)
    tab_to(page, "#id_summary")
    page.keyboard.type("Evening readings brought neighbours to the library.")
    tab_to(page, "[data-chooser-action-choose]")  # Choose city
    page.keyboard.press("Enter")
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    tab_to(page, ".modal #id_q")
    page.keyboard.type("Dubno")
    expect(modal.locator("a[data-chooser-modal-choice]").first).to_contain_text("Dubno")
    tab_to(page, ".modal a[data-chooser-modal-choice]")
    page.keyboard.press("Enter")
    expect(page.locator("#id_city-title")).to_contain_text("Dubno")
    tab_to(page, "#id_year")
    page.keyboard.type("2025")
    tab_to(page, "#panel-child-content-body-content button[title='Insert a block']")
    page.keyboard.press("Enter")
    tab_to(page, "input[aria-autocomplete='list']", limit=1)  # the block picker's search
    page.keyboard.type("Rich")
    expect(page.get_by_role("option", name="Rich text")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    body = page.locator("#panel-child-content-body-content")
    expect(body.get_by_role("textbox").first).to_be_focused()
    # An autosave that ends while the editor types takes what was typed meanwhile as saved
    # (Wagtail 8), so the last key is pressed once the autosave is idle, as a careful editor
    # would check the "Saved" sign before going on.
    page.keyboard.type(BODY_TEXT[:-1])
    expect(body).to_contain_text(BODY_TEXT[:-1])
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
    page.wait_for_timeout(1_000)
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
    page.keyboard.type(BODY_TEXT[-1])
    expect(body).to_contain_text(BODY_TEXT)


def reopen_autosaved_draft(page: Page, title: str, text: str, seconds: float = 60) -> StoryPage:
    """Wait until the autosaved draft holds `text`, then open it afresh (as F5 would).

    Wagtail autosaves while the editor types, overwriting one revision, but the form keeps the
    time that revision had when the page was first autosaved: a form posted after a second
    autosave is refused as stale (cms.editorial.edit_conflicts). Reopened, the form is of the latest
    revision, and nothing typed is lost.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        saving = page.locator("#w-autosave-indicator").get_attribute("data-w-autosave-state-value")
        try:
            story = StoryPage.objects.filter(title=title).first()
            saved = story is not None and text in str(story.latest_revision.content)
        except OperationalError:  # SQLite: the server's thread is writing the autosave
            saved = False
        if saved and saving == "saved":
            page.goto(f"/admin/pages/{story.pk}/edit/")
            return story
        page.wait_for_timeout(250)
    raise AssertionError(f"The draft of {title!r} was not autosaved with {text!r}")


def choose_action_by_keyboard(page: Page, action: str) -> None:
    """Open the editor's footer menu of actions with Enter, Tab to `action`, press Enter."""
    tab_to(page, "footer .w-dropdown__toggle")
    page.keyboard.press("Enter")
    tab_to(page, f"footer {action}")
    activate(page)


SUBMIT = "button[name='action-submit']"
APPROVE_AND_PUBLISH = (
    "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
)


def translate_to_romanian_by_keyboard(page: Page, story_id: int) -> None:
    romanian = Locale.objects.get(language_code="ro")
    page.goto(f"/admin/localize/submit/page/{story_id}/")
    tab_to(page, f"input[name='locales'][value='{romanian.pk}']")
    page.keyboard.press("Space")
    tab_to(page, "main input[type=submit]")
    activate(page)
    expect(page.get_by_role("button", name="Publish in Romanian")).to_be_visible()
    tab_to(page, "button", text="Translate")  # the first segment: the title
    page.keyboard.press("Enter")
    field = page.locator("textarea").first
    expect(field).to_be_focused()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(KEYBOARD_TITLE_RO)
    tab_to(page, "button", text="Save")
    page.keyboard.press("Enter")
    expect(page.locator("textarea")).to_have_count(0)  # the segment is saved
    expect(page.get_by_text(KEYBOARD_TITLE_RO).first).to_be_visible()
    tab_to(page, "button[name='action'][value='publish']")  # Publish in Romanian
    with page.expect_navigation(timeout=60_000):
        page.keyboard.press("Enter")


def test_editor_journey_with_the_keyboard(page: Page, browser, site):
    """The same journey by keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing.

    Each step starts at its admin address, as the mouse journey does; every focus stop on the
    way must show its focus.
    """
    index = StoryIndexPage.objects.get(locale__language_code="en")
    log_in_by_keyboard(page, "editor")
    write_story_by_keyboard(page, index.pk)
    tab_to(page, "footer .w-dropdown__toggle")  # leaving the text hands it to the autosave
    reopen_autosaved_draft(page, KEYBOARD_TITLE, BODY_TEXT)
    choose_action_by_keyboard(page, SUBMIT)
    expect(page.locator(".messages")).to_contain_text(KEYBOARD_TITLE)
    story = StoryPage.objects.get(title=KEYBOARD_TITLE)
    assert not story.live
    assert story.workflow_in_progress

    moderation: BrowserContext = browser.new_context(
        base_url=site["url"], viewport={"width": 1280, "height": 900}
    )
    moderator = moderation.new_page()
    log_in_by_keyboard(moderator, "moderator")
    moderator.goto(f"/admin/pages/{story.pk}/edit/")
    choose_action_by_keyboard(moderator, APPROVE_AND_PUBLISH)
    expect(moderator.locator(".messages")).to_contain_text(KEYBOARD_TITLE)
    story.refresh_from_db()
    assert story.live

    translate_to_romanian_by_keyboard(moderator, story.pk)
    moderation.close()
    romanian = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ro"
    )
    assert romanian.live
    page.goto(f"/ro/stories/{romanian.slug}/")
    expect(page.locator("h1")).to_have_text(KEYBOARD_TITLE_RO)
    expect(page.locator("html")).to_have_attribute("lang", "ro")
