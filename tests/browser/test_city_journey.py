"""A city registers, staff approve it, the partner finder explains its partners, it asks to meet one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from matching.models import City, CityStatus, IntroductionRequest
from tests.browser.conftest import PASSWORD
from tests.browser.keyboard import activate, choose_with_keys, tab_to

pytestmark = pytest.mark.browser

PROFILE = {
    "challenges": {"displaced-people": "3", "ageing": "2", "brain-drain": "1"},
    "offers": ["folk-traditions"],
    "seeks": ["libraries", "participatory-methods"],
}


def register(page: Page, name: str) -> None:
    page.goto("/en/register/")
    page.get_by_label("City name").fill(name)
    page.get_by_label("Country").select_option("UA")
    page.get_by_label("Population").fill("42000")
    for slug, weight in PROFILE["challenges"].items():
        page.locator(f"input[name='challenge_{slug}'][value='{weight}']").check()
    for field in ("offers", "seeks"):
        for slug in PROFILE[field]:
            page.locator(f"input[name='{field}'][value='{slug}']").check()
    page.locator("input[name='languages'][value='uk']").check()
    page.locator("input[name='languages'][value='en']").check()
    page.get_by_label("About your city").fill("A river town that hosts displaced families.")
    page.get_by_label("Your name", exact=False).first.fill("Olena Test")
    page.get_by_label("Your e-mail address").fill("olena@example.org")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("status")).to_contain_text("waiting for review")


def log_in(page: Page, username: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def approve_in_admin(page: Page, name: str) -> None:
    page.goto("/admin/snippets/matching/city/?status=pending")
    page.get_by_role("link", name=name).first.click()
    page.locator("#id_status").select_option("approved")
    page.locator("button.action-save").first.click()
    expect(page.locator(".messages")).to_contain_text(name)


def request_introduction(page: Page, name: str) -> str:
    page.goto("/en/partner-finder/")
    page.get_by_label("Find your city").fill(name)
    page.get_by_role("button", name="Search the directory").click()
    page.get_by_role("link", name=name).click()
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^[1-9]\d* suggested partner"))
    first = page.locator(".suggestion").first
    expect(first.locator(".reasons li").first).to_be_visible()
    expect(first.locator(".suggestion__score-value")).to_have_text(re.compile(r"Match \d+ of 100"))
    partner = first.locator(".card__title").inner_text()
    first.get_by_role("link", name="Request an introduction").click()
    page.get_by_label("Why would you like to meet this city?").fill(
        "We host displaced families too."
    )
    page.get_by_label("Your name").fill("Olena Test")
    page.get_by_label("Your e-mail address").fill("olena@example.org")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("status")).to_contain_text("introduce the two cities")
    return partner


def test_city_journey(page: Page, browser, site):
    name = "Testopil"
    mail.outbox.clear()
    register(page, name)
    city = City.objects.get(name=name)
    assert city.status == CityStatus.PENDING

    staff = browser.new_context(base_url=site["url"])
    admin = staff.new_page()
    log_in(admin, "admin")
    approve_in_admin(admin, name)
    staff.close()
    city.refresh_from_db()
    assert city.status == CityStatus.APPROVED

    partner = request_introduction(page, name)
    introduction = IntroductionRequest.objects.get(from_city=city)
    assert introduction.to_city.name in partner
    assert any("moderator@example.org" in m.to for m in mail.outbox)


def test_city_journey_with_the_keyboard(page: Page, site):
    """The city's part by keyboard alone; approval is staff work, done here as staff would."""
    name = "Klavishyn"
    page.goto("/en/register/")
    tab_to(page, "#id_name")
    page.keyboard.type(name)
    choose_with_keys(page, "#id_country", "UA")
    tab_to(page, "#id_population")
    page.keyboard.type("31000")
    for slug, weight in PROFILE["challenges"].items():
        # A radio group takes one Tab stop; the arrow keys move within it.
        tab_to(page, f"input[name='challenge_{slug}']")
        for _ in range(int(weight)):
            page.keyboard.press("ArrowRight")
    for field in ("offers", "seeks"):
        for slug in PROFILE[field]:
            tab_to(page, f"input[name='{field}'][value='{slug}']")
            page.keyboard.press("Space")
    tab_to(page, "input[name='languages'][value='uk']")
    page.keyboard.press("Space")
    tab_to(page, "#id_description")
    page.keyboard.type("A town on the keyboard.")
    tab_to(page, "#id_contact_name")
    page.keyboard.type("Taras Test")
    tab_to(page, "#id_contact_email")
    page.keyboard.type("taras@example.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "form.register-form button[type=submit]")
    activate(page)
    expect(page.get_by_role("status")).to_contain_text("waiting for review")

    city = City.objects.get(name=name)
    city.status = CityStatus.APPROVED
    city.save()  # approval recomputes the suggestions, as the admin's save does

    page.goto("/en/partner-finder/")
    tab_to(page, "#id_q")
    page.keyboard.type(name)
    activate(page)
    tab_to(page, f".city-matches a[href$='city={city.slug}']")
    activate(page)
    expect(page.locator(".suggestion .reasons li").first).to_be_visible()
    tab_to(page, ".suggestion a.button")
    activate(page)
    tab_to(page, "#id_message")
    page.keyboard.type("We would like to learn how you work with young people.")
    tab_to(page, "#id_contact_name")
    page.keyboard.type("Taras Test")
    tab_to(page, "#id_contact_email")
    page.keyboard.type("taras@example.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "form button[type=submit]")
    activate(page)
    expect(page.get_by_role("status")).to_contain_text("introduce the two cities")
    assert IntroductionRequest.objects.filter(from_city=city).exists()
