"""While the database is out of reach, visitors get a clear 503 page in their language."""

import pytest
from django.db import OperationalError
from django.test import Client

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def lose_the_database(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("language", ["en", "uk", "ro"])
def test_a_lost_database_answers_503_in_the_visitors_language(
    visitor, home_page, monkeypatch, language
):
    monkeypatch.setattr(HomePage, "serve", lose_the_database)
    response = visitor.get(f"/{language}/")
    assert response.status_code == 503
    assert response["Retry-After"]
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert "Traceback" not in body and "closed the connection" not in body


def test_the_outage_page_tells_a_form_sender_to_send_again(visitor, home_page, monkeypatch):
    monkeypatch.setattr(HomePage, "serve", lose_the_database)
    body = visitor.get("/en/").content.decode()
    assert "cannot reach its database" in body
    assert "send it again" in body


def test_other_errors_stay_plain_500s(visitor, home_page, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    assert visitor.get("/en/").status_code == 500
