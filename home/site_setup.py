"""The site itself: locales, the home page in place of Wagtail's welcome page, the Site row."""

import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import override
from wagtail.models import Locale, Page, Site

from home.models import HomePage

FIXTURES = Path(settings.FIXTURE_DIRS[0])
HOME_HEADING = {"en": "What RESCOM offers", "uk": "Що пропонує RESCOM", "ro": "Ce oferă RESCOM"}


def ensure_locales() -> list[Locale]:
    """One Locale per language in settings, so a new language needs no code change."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES]


def home_content(language: str) -> dict:
    data = json.loads((FIXTURES / "home.json").read_text(encoding="utf-8"))
    features = [
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": {"title": f["title"][language], "text": f["text"][language], "page": None},
        }
        for f in data["offers"]
    ]
    return {
        "title": data["title"][language],
        "tagline": data["tagline"][language],
        "mission": data["mission"][language],
        "body": [
            {
                "type": "feature_list",
                "id": str(uuid.uuid4()),
                "value": {"heading": HOME_HEADING[language], "features": features},
            }
        ],
    }


@transaction.atomic
def ensure_home_page() -> HomePage:
    """Create (once) the English home page under the tree root and make it the default site's root."""
    ensure_locales()
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        with override(settings.LANGUAGE_CODE):
            content = home_content(settings.LANGUAGE_CODE)
        home = HomePage(
            slug="home", locale=default_locale, **{k: v for k, v in content.items() if k != "body"}
        )
        home.body = content["body"]
        # Wagtail's welcome page holds the slug "home"; it goes once our page replaces it.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    if site.hostname in ("", "localhost"):
        # The public address comes from SITE_BASE_URL, so absolute links (hreflang, feeds) are right.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "RESCOM"
    site.save()
    return home
