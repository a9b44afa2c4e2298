"""An unknown address answers 404 with a page in the visitor's language and a way on."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "uk", "ro"])
def test_an_unknown_address_gets_a_framed_page_in_the_visitors_language(
    client, home_page, language
):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override(language):
        heading = gettext("Page not found")
    assert f'lang="{language}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/{language}/"' in html  # back to the home page in the same language
    assert 'class="site-nav' in html  # the site's menu, not a bare error


def test_an_unknown_api_address_answers_in_json(client, home_page):
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
