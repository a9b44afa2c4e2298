"""A visitor reads stories filtered by a challenge, switches to Ukrainian, searches, saves an event.

The event is found and saved in Ukrainian: the demo events are translated like the stories.
"""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.browser.keyboard import activate, choose_with_keys, tab_to

pytestmark = pytest.mark.browser

CHALLENGE = "displaced-people"
STORY = "harnosand-library-living-room"  # one of the demo stories translated into Ukrainian


def read_calendar(download) -> Calendar:
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    return calendar


def test_visitor_journey(page: Page, site):
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Stories").click()
    expect(page).to_have_url(re.compile(r"/en/stories/$"))
    page.select_option("#id_challenge", CHALLENGE)
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(rf"challenge={CHALLENGE}"))
    expect(page.locator(".results-count")).to_have_text(re.compile(r"^[1-9]\d* stor"))
    story = page.locator(f".cards .card__title a[href$='/{STORY}/']")
    title = story.inner_text()
    story.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".tag--challenge").first).to_be_visible()

    page.locator(".lang-switcher a[lang='uk']").click()
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page).to_have_url(re.compile(r"/uk/stories/[^/]+/$"))
    ukrainian_title = page.locator("h1").inner_text()
    assert ukrainian_title != title

    page.locator("#header-search-q").fill(ukrainian_title.split()[0])
    page.locator("#header-search-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/uk/search/\?q="))
    expect(page.locator(".search-result").first).to_be_visible()

    # Still in Ukrainian: an event from the Ukrainian event list, saved to a calendar.
    page.locator(".site-nav a[href='/uk/events/']").click()
    expect(page).to_have_url(re.compile(r"/uk/events/$"))
    event = page.locator(".cards .card__title a").first
    event_title = event.inner_text()
    assert not event_title.isascii()  # the Ukrainian title, not the English one
    event.click()
    expect(page.locator("h1")).to_have_text(event_title)
    with page.expect_download() as info:
        page.locator("a[href*='/calendar/events/']").click()
    events = read_calendar(info.value).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == event_title
    assert events[0].decoded("DTSTART") < events[0].decoded("DTEND")
    expect(page.locator("html")).to_have_attribute("lang", "uk")


def test_visitor_journey_with_the_keyboard(page: Page, site):
    page.goto("/en/")
    tab_to(page, "a.skip-link")
    tab_to(page, ".site-nav a[href='/en/stories/']")
    activate(page)
    expect(page).to_have_url(re.compile(r"/en/stories/$"))
    choose_with_keys(page, "#id_challenge", CHALLENGE)
    tab_to(page, ".filters button[type=submit]")
    activate(page)
    expect(page).to_have_url(re.compile(rf"challenge={CHALLENGE}"))
    tab_to(page, f".cards .card__title a[href$='/{STORY}/']")
    title = page.evaluate("document.activeElement.innerText")
    activate(page)
    expect(page.locator("h1")).to_have_text(title)

    page.keyboard.press("Tab")  # from the top of the new page
    tab_to(page, ".lang-switcher a[lang='uk']")
    activate(page)
    expect(page.locator("html")).to_have_attribute("lang", "uk")

    tab_to(page, "#header-search-q")
    page.keyboard.type(page.locator("h1").inner_text().split()[0])
    activate(page)
    expect(page.locator(".search-result").first).to_be_visible()

    page.go_back()  # the browser's Back (Alt+Left)
    expect(page).to_have_url(re.compile(rf"/uk/stories/{STORY}/$"))
    page.keyboard.press("Tab")
    tab_to(page, ".site-nav a[href='/uk/events/']")
    activate(page)
    tab_to(page, ".cards .card__title a")
    event_title = page.evaluate("document.activeElement.innerText")
    activate(page)
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    tab_to(page, "a[href*='/calendar/events/']")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    events = read_calendar(info.value).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == event_title
