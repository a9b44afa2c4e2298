"""A Romanian reader asks about a story: from the story to the contact form, a mistake, the
message sent, and consent withdrawn again with the link on the thank-you page."""

import re

import pytest
from playwright.sync_api import Page, expect

from contacts.models import ProgrammeMessage
from tests.browser.axe import report, violations

pytestmark = pytest.mark.browser

STORY = "/ro/stories/harnosand-library-living-room/"


def test_a_reader_writes_to_the_programme_about_a_story(page: Page, site):
    page.goto(STORY)
    title = page.locator("h1").inner_text()
    page.locator(".contact-box a.button").click()
    expect(page).to_have_url(re.compile(r"/ro/contact/\?topic=content"))
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    expect(page.locator("#id_about")).to_have_value(title)
    expect(page.locator("#id_topic")).to_have_value("content")

    page.locator("#id_message").fill("Cum a pornit biblioteca programul pentru tineri?")
    page.locator("#id_contact_name").fill("Ana Rusu")
    page.locator("#id_contact_email").fill("ana.rusu@example.org")
    page.locator("#message button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_focused()
    expect(page.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_message")).to_have_value(
        "Cum a pornit biblioteca programul pentru tineri?"
    )
    found = violations(page)
    assert not found, report(found)
    assert not ProgrammeMessage.objects.exists()

    page.locator("#id_consent").check()
    page.locator("#message button[type=submit]").click()
    expect(page.locator("#message [role=status]")).to_be_visible()
    stored = ProgrammeMessage.objects.get()
    assert (stored.about, stored.topic, stored.consent_language) == (title, "content", "ro")

    page.locator("a[href*='/consent/withdraw/']").click()
    page.locator("form[method=post] button[type=submit]").click()
    expect(page.locator("[role=status]").first).to_be_visible()
    stored.refresh_from_db()
    assert stored.erased_at is not None and stored.contact_email.startswith("erased-")
    assert stored.message == ""
