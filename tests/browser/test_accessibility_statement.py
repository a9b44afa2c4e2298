"""The accessibility statement in three languages, and its feedback form used with the keyboard."""

import pytest
from playwright.sync_api import Page, expect

from contacts.models import AccessibilityFeedback
from tests.browser.axe import report, violations
from tests.browser.keyboard import activate, tab_to

pytestmark = pytest.mark.browser

HEADINGS = {
    "en": ["Compliance status", "Non-accessible content", "Enforcement procedure"],
    "uk": ["Стан відповідності", "Недоступний вміст", "Процедура забезпечення виконання"],
    "ro": ["Stadiul conformității", "Conținut neaccesibil", "Procedura de asigurare a respectării"],
}


@pytest.mark.parametrize("language", HEADINGS)
def test_statement_and_feedback_by_keyboard(page: Page, site, language):
    page.goto(f"/{language}/accessibility/")
    for heading in HEADINGS[language]:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()

    # An e-mail address without consent: the error is announced, nothing typed is lost.
    tab_to(page, "#id_message")
    page.keyboard.type("The toolkit PDF is not tagged.")
    tab_to(page, "#id_email")
    page.keyboard.type("reader@example.org")
    tab_to(page, "#feedback button[type=submit]")
    activate(page)
    expect(page.locator("#form-errors")).to_be_focused()
    expect(page.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_message")).to_have_value("The toolkit PDF is not tagged.")
    found = violations(page)
    assert not found, report(found)

    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "#feedback button[type=submit]")
    activate(page)
    expect(page.locator("#feedback [role=status]")).to_be_visible()
    feedback = AccessibilityFeedback.objects.get(language=language)
    assert feedback.message == "The toolkit PDF is not tagged."
    assert feedback.consent_given_at is not None
