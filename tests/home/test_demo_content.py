"""The demo's city profiles: their sample note reads in the visitor's language."""

import json

import pytest
from django.utils.html import escape

from home.demo_content import load_demo_profiles
from home.matching_pages import ensure_matching_pages
from home.site_setup import FIXTURES
from matching.reference_data import load_taxonomy

pytestmark = pytest.mark.django_db

NOTE = "Illustrative profile for development and tests; not the city's own self-assessment."


@pytest.mark.parametrize("language", ["uk", "ro"])
def test_sample_profiles_say_so_in_the_visitors_language(client, home_page, language):
    list(load_taxonomy())
    ensure_matching_pages(home_page)
    load_demo_profiles()
    translated = json.loads((FIXTURES / "demo" / "sample-profile-texts.json").read_text())[NOTE]
    html = client.get(f"/{language}/cities/ua-dubno/").content.decode()
    assert escape(translated[language]) in html and escape(NOTE) not in html
    assert escape(NOTE) in client.get("/en/cities/ua-dubno/").content.decode()
