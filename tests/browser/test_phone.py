"""On a 375 px phone nothing scrolls sideways and the menu works; screenshots at 375 and 1280 px."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import ARTEFACTS

pytestmark = pytest.mark.browser

KEY_PAGES = {
    "home": "/en/",
    "stories": "/en/stories/?challenge=displaced-people",
    "story": "/en/stories/harnosand-library-living-room/",
    "conclusions": "/en/learning-labs/participatory-methods-in-urban-planning/conclusions/",
    "events": "/en/events/",
    "partner-finder": "/en/partner-finder/?city=ua-dubno",
    "register": "/uk/register/",
    "city": "/ro/cities/se-harnosand/",
    "search": "/uk/search/?q=культура",
    "accessibility": "/ro/accessibility/",
}
WIDTHS = {"phone": (375, 740), "desktop": (1280, 900)}


@pytest.mark.parametrize("device", WIDTHS)
def test_key_pages_fit_the_screen(browser: Browser, site, device):
    width, height = WIDTHS[device]
    context = browser.new_context(
        base_url=site["url"],
        viewport={"width": width, "height": height},
        is_mobile=device == "phone",
    )
    page = context.new_page()
    folder = ARTEFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    overflowing = []
    for name, path in KEY_PAGES.items():
        page.goto(path)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            overflowing.append(f"{path}: {scroll_width} px wide in {inner_width} px")
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
    context.close()
    assert not overflowing, "Pages that scroll sideways:\n" + "\n".join(overflowing)


def test_phone_menu_opens_and_leads_somewhere(browser: Browser, site):
    context = browser.new_context(
        base_url=site["url"], viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    page.goto("/en/")
    menu = page.locator(".site-nav__menu")
    toggle = page.get_by_text("Menu", exact=True)
    expect(toggle).to_be_visible()
    if not menu.is_visible():
        toggle.click()
    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Events").click()
    expect(page).to_have_url(f"{site['url']}/en/events/")
    expect(page.locator("h1")).to_be_visible()
    context.close()
