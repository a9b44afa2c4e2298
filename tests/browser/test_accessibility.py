"""axe-core finds no WCAG 2.1 A or AA violation on any public page type, in every language."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import report, violations

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "uk", "ro"]
# One address per public page type (demo content), the same in every language; a page whose
# slug is translated is reached from its index by following the first card's link.
PAGES = {
    "home": "/",
    "story index, filtered": "/stories/?challenge=displaced-people&country=SE",
    "story": "/stories/harnosand-library-living-room/",
    "lab index": "/learning-labs/",
    "lab": ("/learning-labs/", ".cards .card__title a"),
    "conclusions": ("/learning-labs/", ".cards a[href$='/conclusions/']"),
    "event index": "/events/",
    "toolkit": "/toolkit/",
    "partners": "/partners/",
    "standard page": "/about/",
    "search results": "/search/?q=culture",
    "partner finder with results": "/partner-finder/?city=ua-dubno",
    "partner finder, city search": "/partner-finder/?q=Rivne",
    "register form": "/register/",
    "city page": "/cities/se-harnosand/",
    "accessibility statement": "/accessibility/",
    "contact form": "/contact/",
}


def assert_no_violation(page: Page) -> None:
    found = violations(page)
    assert not found, f"{page.url}\n{report(found)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_violation(page: Page, language):
    for address in PAGES.values():
        path, link = address if isinstance(address, tuple) else (address, None)
        response = page.goto(f"/{language}{path}")
        assert response.ok, f"{path}: {response.status}"
        if link:
            page.locator(link).first.click()
            page.wait_for_load_state()
        assert_no_violation(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_only_in_english_have_no_violation(page: Page, language):
    """An event (the demo events are in English) and the notice of a missing translation."""
    page.goto("/en/events/")
    page.locator(".cards .card__title a").first.click()
    assert_no_violation(page)
    page.goto("/en/stories/kiel-harbour-stories/")  # not translated in the demo
    page.locator(f".lang-switcher a[lang='{language}']").click()
    assert_no_violation(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_register_form_errors_are_announced(page: Page, language):
    page.goto(f"/{language}/register/")
    page.locator("form.register-form button[type=submit]").click()
    summary = page.locator("#form-errors")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_be_focused()
    population = page.locator("#id_population")
    expect(population).to_have_attribute("aria-invalid", "true")
    error_id = population.get_attribute("aria-describedby").split()[-1]
    expect(page.locator(f"#{error_id}")).to_be_visible()
    # The summary links to the field, and following the link moves focus there.
    summary.locator("a[href='#id_population']").click()
    expect(population).to_be_focused()
    assert_no_violation(page)
