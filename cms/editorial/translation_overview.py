"""The translation overview for staff: per language, what is translated, outdated or missing.

"Outdated" means the source changed since its translation was last synced (a page published
after the sync, a snippet whose content differs from the synced copy), or the synced source
has strings the translation still lacks.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

TRANSLATED, OUTDATED, MISSING = "translated", "outdated", "missing"


@dataclass
class Entry:
    source: Model
    kind: str  # "page" or the snippet's verbose name
    status: dict[str, str] = field(default_factory=dict)  # language code → state


def _content_json(instance: Model) -> str:
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _source_changed(instance: Model, record: TranslationSource | None) -> bool:
    if record is None:
        return False  # translated by hand, outside wagtail-localize: nothing to compare with
    if isinstance(instance, Page):
        changed = instance.last_published_at or instance.latest_revision_created_at
        return bool(changed and changed > record.last_updated_at)
    return json.loads(_content_json(instance)) != json.loads(record.content_json)


def translatable_snippet_models() -> list[type[Model]]:
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def build_overview() -> tuple[list[Entry], dict[str, dict[str, int]]]:
    """Every source object in the default language with its state in each other language."""
    default = Locale.get_default()
    targets = [
        loc
        for loc in Locale.objects.exclude(pk=default.pk)
        if loc.language_code in dict(settings.LANGUAGES)
    ]
    sources: list[tuple[Model, str]] = [
        (page, "page")
        for page in Page.objects.filter(locale=default, depth__gt=1).specific().order_by("path")
    ]
    for model in translatable_snippet_models():
        sources += [
            (obj, str(model._meta.verbose_name)) for obj in model.objects.filter(locale=default)
        ]

    keys = {obj.translation_key for obj, _kind in sources}
    existing = defaultdict(set)
    for model in {type(obj) for obj, _kind in sources} | {Page}:
        base = model if model is Page else model.get_translation_model()
        for key, locale_id in base.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"
        ):
            existing[key].add(locale_id)
    records = {
        r.object_id: r for r in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    progress = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__in=records.values()).select_related("source")
    }

    totals = {loc.language_code: {TRANSLATED: 0, OUTDATED: 0, MISSING: 0} for loc in targets}
    entries = []
    for obj, kind in sources:
        entry = Entry(obj, kind)
        record = records.get(obj.translation_key)
        changed = _source_changed(obj, record)
        for loc in targets:
            if loc.pk not in existing[obj.translation_key]:
                state = MISSING
            else:
                translation = progress.get((obj.translation_key, loc.pk))
                incomplete = translation is not None and (lambda p: p[0] != p[1])(
                    translation.get_progress()
                )
                state = OUTDATED if changed or incomplete else TRANSLATED
            entry.status[loc.language_code] = state
            totals[loc.language_code][state] += 1
        entries.append(entry)
    return entries, totals


def overview_view(request):
    """Admin view: totals per language, then each object's state, filterable by language and state."""
    entries, totals = build_overview()
    language = request.GET.get("language", "")
    state = request.GET.get("state", "")
    finder = AdminURLFinder(request.user)
    rows = []
    for entry in entries:
        states = (
            entry.status if language not in entry.status else {language: entry.status[language]}
        )
        if state in (TRANSLATED, OUTDATED, MISSING) and state not in states.values():
            continue
        rows.append(
            {
                "title": str(
                    entry.source.title if isinstance(entry.source, Page) else entry.source
                ),
                "kind": entry.kind,
                "edit_url": finder.get_edit_url(entry.source),
                "states": [
                    {
                        "code": code,
                        "state": value,
                        "url": _translation_url(entry.source, code, finder),
                    }
                    for code, value in states.items()
                ],
            }
        )
    context = {
        "page_title": _("Translation overview"),
        "header_title": _("Translation overview"),
        "header_icon": "globe",
        "totals": [
            {"code": code, "name": get_language_info(code)["name_translated"], **counts}
            for code, counts in totals.items()
        ],
        "rows": rows,
        "language": language,
        "state": state,
        "states": [
            (TRANSLATED, _("Translated")),
            (OUTDATED, _("Outdated")),
            (MISSING, _("Missing")),
        ],
    }
    return TemplateResponse(request, "cms/admin/translation_overview.html", context)


def _translation_url(source: Model, code: str, finder: AdminURLFinder) -> str | None:
    """Where to go for this language: the translation's editor, else the page to translate from."""
    locale = Locale.objects.filter(language_code=code).first()
    translation = source.get_translation_or_none(locale) if locale else None
    return finder.get_edit_url(translation) if translation else finder.get_edit_url(source)
