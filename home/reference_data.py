"""Everything `load_reference_data` sets up, in order; translations go through wagtail-localize."""

from cms.editorial.translations import translate_missing
from cms.reference_data import load_editorial_reference_data
from home.matching_pages import ensure_matching_pages
from home.site_setup import ensure_home_page
from matching.directory import import_directory, load_seed_cities
from matching.reference_data import load_taxonomy


def load_reference_data(progress: bool = False) -> dict[str, int]:
    home = ensure_home_page()
    terms = translations = 0
    for term, strings in load_taxonomy():
        terms += 1
        translations += translate_missing(term, strings)
    matching_pages = ensure_matching_pages(home)
    cities = load_seed_cities()
    directory = import_directory(progress=progress)
    return {
        "home page": home.pk,
        "taxonomy terms": terms,
        "term translations made": translations,
        "matching pages": len(matching_pages),
        "programme cities": cities,
        "directory places imported": directory["imported"],
        **load_editorial_reference_data(),
    }
