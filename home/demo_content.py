"""Demo translations of the home page, made through wagtail-localize like any translator's."""

import json

from django.conf import settings
from wagtail.models import Locale

from cms.translations import translate_instance

from .models import HomePage
from .site_setup import FIXTURES, HOME_HEADING, ensure_home_page


def string_map(language: str) -> dict[str, str]:
    """English source text → `language` text, for every string on the home page."""
    data = json.loads((FIXTURES / "home.json").read_text(encoding="utf-8"))
    pairs = [data["title"], data["tagline"], data["mission"], HOME_HEADING]
    for feature in data["offers"]:
        pairs += [feature["title"], feature["text"]]
    return {p[settings.LANGUAGE_CODE]: p[language] for p in pairs if language in p}


def translate_home_page() -> list[HomePage]:
    home = ensure_home_page()
    translated = []
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        if HomePage.objects.filter(locale=locale, translation_key=home.translation_key).exists():
            continue  # never overwrite what a translator may have edited since
        strings = string_map(locale.language_code)
        if strings:
            translated.append(translate_instance(home, locale, strings))
    return translated
