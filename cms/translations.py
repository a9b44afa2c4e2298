"""Translate pages and snippets through wagtail-localize, so translators see the same strings.

Demo content and imports use this instead of copying objects by hand: the result is a real
wagtail-localize translation (source, segments, string translations) that the translation
editor, PO export and source syncing all know about.
"""

from collections.abc import Mapping

from django.db import transaction
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate_instance(
    instance: TranslatableMixin,
    locale: Locale,
    strings: Mapping[str, str],
    *,
    publish: bool = True,
    user=None,
) -> TranslatableMixin:
    """Create or update `instance`'s translation into `locale` from a source→target string map.

    Strings missing from `strings` fall back to the source text, as wagtail-localize does.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        target = strings.get(segment.string.data)
        if target is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": target,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)
