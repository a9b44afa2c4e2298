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

    Strings missing from `strings` fall back to the source text, as wagtail-localize does; a
    page's slug is kept as it is, so /uk/stories/ mirrors /en/stories/.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # wagtail-localize stores line breaks of plain-text fields as <br/> in its strings.
    strings = {
        **strings,
        **{k.replace("\n", "<br/>"): v.replace("\n", "<br/>") for k, v in strings.items()},
    }
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        target = strings.get(segment.string.data)
        if target is None and segment.context.path == "slug":
            target = segment.string.data  # addresses stay the same in every language
        if target is None and not any(ch.isalpha() for ch in segment.string.data):
            target = segment.string.data  # a figure such as "30" or "25%" reads the same
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


def translate_missing(
    instance: TranslatableMixin, strings_by_language: Mapping[str, Mapping[str, str]]
) -> int:
    """Translate `instance` into each language it lacks; never touch an existing translation."""
    made = 0
    for code, strings in strings_by_language.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not strings or instance.get_translation_or_none(locale):
            continue
        translate_instance(instance, locale, strings)
        made += 1
    return made
