"""Demo translations of the home page, made through wagtail-localize like any translator's."""

import json

from django.conf import settings
from wagtail.models import Locale

from cms.demo.content import load_demo_content as load_editorial_demo_content
from cms.editorial.translations import translate_instance, translate_missing
from home.matching_pages import ensure_matching_pages
from home.models import HomePage
from home.site_setup import FIXTURES, HOME_HEADING, ensure_home_page
from matching.exchange import import_profiles
from matching.models import CityText


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


def translate_matching_pages() -> int:
    """The partner finder, registration and city directory pages in every language."""
    home = ensure_home_page()
    return sum(translate_missing(page, strings) for page, strings in ensure_matching_pages(home))


def load_demo_profiles() -> int:
    """Illustrative city profiles (marked as such), approved so the partner finder has results."""
    data = json.loads((FIXTURES / "demo" / "sample-profiles.json").read_text(encoding="utf-8"))
    cities = import_profiles(data)
    translate_profile_descriptions(zip(cities, data, strict=True))
    return len(cities)


def translate_profile_descriptions(profiles) -> None:
    """The sample note in each visitor's language; a description already written there is kept."""
    path = FIXTURES / "demo" / "sample-profile-texts.json"
    translations = json.loads(path.read_text(encoding="utf-8"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for city, profile in profiles:
        for code, description in translations.get(profile.get("description"), {}).items():
            if code in locales:
                text, _ = CityText.objects.get_or_create(city=city, locale=locales[code])
                if not text.description:
                    text.description = description
                    text.save()


def load_demo_content() -> dict[str, int]:
    """The home page's translations, the matching pages', then the editorial demo site (cms)."""
    translated = translate_home_page()
    return {
        "home translations made": len(translated),
        "matching page translations made": translate_matching_pages(),
        "demo city profiles": load_demo_profiles(),
        **load_editorial_demo_content(),
    }
