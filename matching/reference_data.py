"""Reference data the matching half needs: the taxonomy read from fixtures/taxonomy.json."""

import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from matching.taxonomy import (
    ActivityType,
    Challenge,
    CultureRole,
    CultureTheme,
    ResiliencePillar,
    TaxonomyTerm,
)

FIXTURES = Path(settings.FIXTURE_DIRS[0])
TAXONOMY_KINDS: dict[str, type[TaxonomyTerm]] = {
    "challenges": Challenge,
    "themes": CultureTheme,
    "roles": CultureRole,
    "pillars": ResiliencePillar,
    "activities": ActivityType,
}


def read_taxonomy(path: Path | None = None) -> dict[str, list[dict]]:
    return json.loads((path or FIXTURES / "taxonomy.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_taxonomy(path: Path | None = None) -> Iterator[tuple[TaxonomyTerm, dict[str, str]]]:
    """Create missing terms in the default language; yield each with its source→target strings per language.

    Existing terms are left as editors made them. The caller translates through wagtail-localize.
    """
    default = Locale.get_default()
    for kind, model in TAXONOMY_KINDS.items():
        for order, item in enumerate(read_taxonomy(path)[kind]):
            source = settings.LANGUAGE_CODE
            defaults = {
                "name": item["name"][source],
                "description": item.get("description", {}).get(source, ""),
                "sort_order": order,
            }
            if "group" in item:
                defaults["group"] = item["group"]
            term, _ = model.objects.get_or_create(
                slug=item["slug"], locale=default, defaults=defaults
            )
            strings = {}
            for code, _name in settings.LANGUAGES:
                if code == source:
                    continue
                pairs = {item["name"][source]: item["name"].get(code)}
                if "description" in item:
                    pairs[item["description"][source]] = item["description"].get(code)
                strings[code] = {k: v for k, v in pairs.items() if v}
            yield term, strings
