import pytest

from matching.directory import load_seed_cities
from matching.reference_data import load_taxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def test_staff_browse_and_filter_cities_in_the_admin(staff_client):
    load_seed_cities()
    response = staff_client.get("/admin/snippets/matching/city/", {"country": "UA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dubno" in html and "Härnösand" not in html


def test_staff_see_the_taxonomy_by_group(staff_client):
    list(load_taxonomy())
    response = staff_client.get("/admin/snippets/matching/challenge/", {"group": "demographic"})
    html = response.content.decode()
    assert "Brain drain" in html and "Tourism" not in html


def test_city_edit_form_opens_with_its_challenges(staff_client):
    load_seed_cities()
    from matching.models import City

    city = City.objects.get(slug="md-cahul")
    response = staff_client.get(f"/admin/snippets/matching/city/edit/{city.pk}/")
    assert response.status_code == 200
    assert b"Challenges" in response.content
