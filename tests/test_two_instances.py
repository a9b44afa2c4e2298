"""Two gunicorn instances on one PostgreSQL database and one Redis cache behave as one site."""

import uuid

import httpx
import pytest

from tests.html_forms import city_registration, csrf_token, form_fields
from tests.live_servers import ADMIN, scalar

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture
def instances(live_instances):
    return live_instances


@pytest.fixture
def browser():
    """Cookies go by host name, not port: like a browser behind a load balancer, this client
    sends the cookies either instance set to both."""
    with httpx.Client(timeout=30) as client:
        yield client


def log_in(browser: httpx.Client, base: str) -> None:
    page = browser.get(f"{base}/admin/login/")
    answer = browser.post(
        f"{base}/admin/login/",
        data={
            "csrfmiddlewaretoken": csrf_token(page.text),
            "username": ADMIN[0],
            "password": ADMIN[1],
        },
    )
    assert answer.status_code == 302, answer.text[:500]


def test_a_session_started_on_one_instance_is_valid_on_the_other(instances, browser):
    a, b = instances
    assert browser.get(f"{b.url}/admin/").status_code == 302  # not logged in yet
    log_in(browser, a.url)
    dashboard = browser.get(f"{b.url}/admin/")
    assert dashboard.status_code == 200
    assert ADMIN[0] in dashboard.text or "Dashboard" in dashboard.text

    browser.post(
        f"{b.url}/admin/logout/", data={"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
    )
    assert browser.get(f"{a.url}/admin/").status_code == 302  # logged out on both


def test_a_page_published_on_one_instance_shows_at_once_on_the_other(
    instances, browser, live_database
):
    a, b = instances
    page_id = scalar(
        live_database, "SELECT id FROM wagtailcore_page WHERE url_path = %s", "/home/register/"
    )
    before = browser.get(f"{b.url}/en/register/")
    assert before.status_code == 200  # served (and cached, if the site caches) on B first

    log_in(browser, a.url)
    edit_url = f"{a.url}/admin/pages/{page_id}/edit/"
    fields = form_fields(browser.get(edit_url).text, "form#page-edit-form")
    title = f"Register your city {uuid.uuid4().hex[:8]}"
    fields["title"] = [title]
    fields["action-publish"] = ["action-publish"]
    saved = browser.post(edit_url, data=fields)
    assert saved.status_code == 302, saved.text[:2000]

    after = browser.get(f"{b.url}/en/register/")
    assert after.status_code == 200
    assert title in after.text


def test_a_form_posted_to_either_instance_lands_exactly_once(instances, live_database):
    a, b = instances
    names = []
    for shown_by, posted_to in ((a, b), (b, a)):
        with httpx.Client(timeout=30) as visitor:
            page = visitor.get(f"{shown_by.url}/en/register/")
            name = f"Formtown {uuid.uuid4().hex[:8]}"
            answer = visitor.post(
                f"{posted_to.url}/en/register/", data=city_registration(csrf_token(page.text), name)
            )
            assert answer.status_code == 302, answer.text[:2000]
            assert "sent=1" in answer.headers["location"]
            names.append(name)

    for name in names:
        assert (
            scalar(live_database, "SELECT count(*) FROM matching_city WHERE name = %s", name) == 1
        )
        applications = scalar(
            live_database,
            "SELECT count(*) FROM matching_cityapplication ca JOIN matching_city c"
            " ON c.id = ca.city_id WHERE c.name = %s",
            name,
        )
        assert applications == 1
