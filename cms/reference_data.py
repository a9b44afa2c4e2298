"""Reference data of the editorial half: partner organisations (with translations), roles, workflow."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from cms.editorial.roles import MODERATORS, ensure_editorial_roles, ensure_moderation_workflow
from cms.editorial.translations import translate_missing
from cms.partners.models import PartnerOrganisation

FIXTURES = Path(settings.FIXTURE_DIRS[0])
TRANSLATED_FIELDS = ("name", "based_in", "description")


def source_to_target(item: dict, fields, language: str) -> dict[str, str]:
    """English text → `language` text for the given fields of a fixture item."""
    source = settings.LANGUAGE_CODE
    pairs = (item[f] for f in fields if isinstance(item.get(f), dict))
    return {p[source]: p[language] for p in pairs if p.get(source) and p.get(language)}


@transaction.atomic
def load_partners(path: Path | None = None) -> tuple[int, int]:
    """Create the partner organisations once, then any missing translation; editors' edits stay."""
    data = json.loads((path or FIXTURES / "partners.json").read_text(encoding="utf-8"))
    default = Locale.get_default()
    source = settings.LANGUAGE_CODE
    created = translated = 0
    for order, item in enumerate(data["partners"]):
        partner, made = PartnerOrganisation.objects.get_or_create(
            slug=item["slug"],
            locale=default,
            defaults={
                "name": item["name"][source],
                "based_in": item["based_in"][source],
                "description": item["description"][source],
                "country": item["country"],
                "role": item["role"],
                "website": item.get("website", ""),
                "sort_order": order,
            },
        )
        created += made
        languages = [code for code, _name in settings.LANGUAGES if code != source]
        translated += translate_missing(
            partner, {code: source_to_target(item, TRANSLATED_FIELDS, code) for code in languages}
        )
    return created, translated


def load_editorial_reference_data() -> dict[str, int]:
    partners, partner_translations = load_partners()
    groups = ensure_editorial_roles()
    ensure_moderation_workflow(groups[MODERATORS])
    return {
        "partner organisations created": partners,
        "partner translations made": partner_translations,
        "editorial groups": len(groups),
    }
