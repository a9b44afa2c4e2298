import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_home(home_page, django_capture_on_commit_callbacks):
    from home.demo_content import translate_home_page

    with django_capture_on_commit_callbacks(execute=True):
        translate_home_page()
    return home_page


def test_switcher_leads_to_the_same_page_in_each_language(client, translated_home):
    html = client.get("/en/").content.decode()
    assert 'href="/uk/" lang="uk"' in html
    assert 'href="/ro/" lang="ro"' in html
    assert 'aria-current="true">English<' in html


def test_switcher_keeps_the_query_string_of_the_page(client, translated_home):
    html = client.get("/en/", {"city": "ua-dubno", "band": "small"}).content.decode()
    assert 'href="/uk/?city=ua-dubno&amp;band=small" lang="uk"' in html
    assert 'hreflang="uk" href="http://testserver/uk/">' in html  # search engines: no query


def test_every_translation_is_announced_with_hreflang(client, translated_home):
    html = client.get("/uk/").content.decode()
    for code in ("en", "uk", "ro"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/">' in html


def test_untranslated_page_leads_to_a_notice_with_the_existing_version(client, home_page):
    html = client.get("/en/").content.decode()
    notice_url = f"/uk/untranslated/{home_page.pk}/"
    assert f'href="{notice_url}"' in html
    notice = client.get(notice_url)
    assert notice.status_code == 200
    body = notice.content.decode()
    assert 'role="status"' in body
    assert 'href="/en/"' in body and 'hreflang="en"' in body
    assert '<html lang="uk">' in body


def test_notice_redirects_once_the_translation_exists(client, translated_home):
    response = client.get(f"/uk/untranslated/{translated_home.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_notice_for_an_unknown_page_is_not_found(client, home_page):
    assert client.get("/uk/untranslated/999999/").status_code == 404
