import pytest

pytestmark = pytest.mark.django_db


def test_home_page_shows_platform_name_and_mission(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "RESCOM" in html
    assert "social resilience through culture" in html
    assert '<html lang="en">' in html


def test_home_page_names_lead_partner_and_funder(client, home_page):
    html = client.get("/en/").content.decode()
    assert "Council of the Baltic Sea States" in html
    assert "Swedish Institute" in html


def test_bare_root_redirects_by_preferred_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_every_page_has_a_skip_link_to_main_content(client, home_page):
    html = client.get("/en/").content.decode()
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html


def test_admin_login_page_renders(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_admin_login_works(client, home_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "correct horse")
    response = client.post("/admin/login/", {"username": "editor", "password": "correct horse"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
