"""The matching half's pages in the tree: partner finder, registration and the city directory."""

import json

from django.conf import settings

from home.models import HomePage
from home.site_setup import FIXTURES
from matching.models import CityIndexPage, PartnerFinderPage, RegisterCityPage

PAGE_TYPES = {cls.__name__: cls for cls in (PartnerFinderPage, RegisterCityPage, CityIndexPage)}


def ensure_matching_pages(home: HomePage) -> list[tuple]:
    """Create each page once under the default-language home; return (page, strings per language).

    An introduction is one paragraph, so its text is the string translators see.
    """
    source = settings.LANGUAGE_CODE
    made = []
    for item in json.loads((FIXTURES / "matching_pages.json").read_text(encoding="utf-8")):
        model = PAGE_TYPES[item["type"]]
        page = model.objects.filter(locale=home.locale).first()
        if page is None:
            page = model(
                title=item["title"][source],
                slug=item["slug"],
                intro=f"<p>{item['intro'][source]}</p>",
                show_in_menus=item["in_menu"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        strings = {
            code: {item[f][source]: item[f][code] for f in ("title", "intro") if code in item[f]}
            for code, _name in settings.LANGUAGES
            if code != source
        }
        made.append((page, strings))
    return made
