"""The demo's city profiles: their sample note reads in the visitor's language."""

import json
from html import unescape

import pytest

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
    text = unescape(client.get(f"/{language}/cities/ua-dubno/").content.decode())
    assert translated[language] in text and NOTE not in text
    assert NOTE in unescape(client.get("/en/cities/ua-dubno/").content.decode())
