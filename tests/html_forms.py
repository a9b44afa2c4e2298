"""Read a form out of a served page the way a browser would submit it, in tests over HTTP or the test client."""

from bs4 import BeautifulSoup
from django.test import Client

SKIPPED_INPUTS = {"submit", "button", "image", "file", "reset"}


def form_fields(html: str, selector: str) -> dict[str, list[str]]:
    """Every name and value the form at `selector` would send, submit buttons left out."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    if form is None:
        raise AssertionError(f"No form matches {selector!r} in the page.")
    fields: dict[str, list[str]] = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if element.name == "textarea":
            value = [element.text.removeprefix("\n")]
        elif element.name == "select":
            chosen = element.select("option[selected]") or element.select("option")[:1]
            value = [option.get("value", option.text) for option in chosen]
        elif element.get("type", "text") in SKIPPED_INPUTS:
            continue
        elif element.get("type") in {"checkbox", "radio"}:
            value = [element.get("value", "on")] if element.has_attr("checked") else []
        else:
            value = [element.get("value", "")]
        fields.setdefault(name, []).extend(value)
    return fields


def csrf_token(html: str) -> str:
    field = BeautifulSoup(html, "html.parser").select_one('input[name="csrfmiddlewaretoken"]')
    if field is None:
        raise AssertionError("The page carries no CSRF token.")
    return field["value"]


def city_registration(csrf: str, name: str) -> dict[str, str | list[str]]:
    """A complete, valid registration of a new city called `name`."""
    return {
        "csrfmiddlewaretoken": csrf,
        "name": name,
        "country": "PL",
        "population": "24000",
        "languages": ["en", "pl"],
        "host_capacity": "1",
        "description": "A river town with a busy library and a folk festival.",
        "challenge_brain-drain": "2",
        "contact_name": "Test Visitor",
        "contact_email": "visitor@example.org",
        "consent": "on",
        "website": "",
    }


def introduction_request(csrf: str, message: str) -> dict[str, str]:
    """A complete, valid introduction request carrying `message`."""
    return {
        "csrfmiddlewaretoken": csrf,
        "message": message,
        "contact_name": "Test Visitor",
        "contact_email": "visitor@example.org",
        "consent": "on",
        "website": "",
    }


def assert_forms_are_each_visitors_own(url: str) -> None:
    """Two visitors get different form tokens, and each token is accepted with its cookie.

    A form drawn from a shared fragment would give the second visitor the first one's
    token, which the second visitor's cookie does not match: a refused post (403).
    """
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = csrf_token(first.get(url).content.decode())
    second_token = csrf_token(second.get(url).content.decode())
    assert first_token != second_token
    assert second.post(url, {"csrfmiddlewaretoken": second_token}).status_code != 403
