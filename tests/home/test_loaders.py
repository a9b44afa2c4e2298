import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_reference_data_replaces_the_welcome_page_and_is_idempotent():
    call_command("load_reference_data", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 1
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "uk", "ro"}


def test_demo_content_translates_the_home_page_once(client, django_capture_on_commit_callbacks):
    call_command("load_reference_data", verbosity=0)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)
        call_command("load_demo_content", verbosity=0)
    assert HomePage.objects.count() == 3
    uk = client.get("/uk/").content.decode()
    ro = client.get("/ro/").content.decode()
    assert "соціальна стійкість через культуру" in uk
    assert "reziliență socială prin cultură" in ro
    assert "Історії добрих практик" in uk
    assert "Povești de bune practici" in ro
