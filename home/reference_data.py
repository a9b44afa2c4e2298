"""Everything `load_reference_data` sets up, in order; translations go through wagtail-localize."""

from wagtail.models import Locale

from cms.translations import translate_instance
from matching.directory import import_directory, load_seed_cities
from matching.reference_data import load_taxonomy

from .site_setup import ensure_home_page


def translate_missing(instance, strings_by_language: dict[str, dict[str, str]]) -> int:
    """Translate `instance` into each language it lacks; never touch an existing translation."""
    made = 0
    for code, strings in strings_by_language.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not strings or instance.get_translation_or_none(locale):
            continue
        translate_instance(instance, locale, strings)
        made += 1
    return made


def load_reference_data(progress: bool = False) -> dict[str, int]:
    home = ensure_home_page()
    terms = translations = 0
    for term, strings in load_taxonomy():
        terms += 1
        translations += translate_missing(term, strings)
    cities = load_seed_cities()
    directory = import_directory(progress=progress)
    return {
        "home page": home.pk,
        "taxonomy terms": terms,
        "term translations made": translations,
        "programme cities": cities,
        "directory places imported": directory["imported"],
    }
