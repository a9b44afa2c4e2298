"""The programme's vocabulary: challenges, culture themes and roles, resilience pillars, activities.

Each term is a translatable snippet (one row per language, linked by translation_key); its
slug is the language-neutral identity that pages, city profiles and the engine use.
"""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("The label visitors see."))
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "Stable identifier used in links, filters and the matching engine; never translated."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences that explain the term.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    # The slug is the term's identity in every language: copied, never translated.
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ChallengeGroup(models.TextChoices):
    GLOBAL = "global", _("Global")
    ECONOMIC = "economic", _("Economic")
    DEMOGRAPHIC = "demographic", _("Demographic")
    SOCIAL_INCLUSION = "social-inclusion", _("Social inclusion")


class Challenge(TaxonomyTerm):
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=ChallengeGroup.choices,
        help_text=_("Where the seeds place it."),
    )
    panels = [*TaxonomyTerm.panels, FieldPanel("group")]
    override_translatable_fields = [
        *TaxonomyTerm.override_translatable_fields,
        SynchronizedField("group"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class CultureTheme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("culture theme")
        verbose_name_plural = _("culture themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class CultureRole(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("culture role")
        verbose_name_plural = _("culture roles")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ResiliencePillar(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resilience pillar")
        verbose_name_plural = _("resilience pillars")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ActivityType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


TAXONOMY_MODELS = (Challenge, CultureTheme, CultureRole, ResiliencePillar, ActivityType)


def _cache_key(model: type[TaxonomyTerm], language: str) -> str:
    return f"taxonomy:{model._meta.model_name}:{language}"


def term_labels(model: type[TaxonomyTerm], language: str | None = None) -> dict[str, str]:
    """Slug → label in `language` (default: the active one), falling back to the default locale.

    Every listing, filter and matching reason shows labels: the shared cache keeps them for
    every process, and saving or deleting a term clears them.
    """
    language = (language or get_language() or "en").split("-")[0]
    key = _cache_key(model, language)
    labels = cache.get(key)
    if labels is None:
        default = Locale.get_default()
        labels = dict(model.objects.filter(locale=default).values_list("slug", "name"))
        if language != default.language_code:
            labels.update(
                model.objects.filter(locale__language_code=language).values_list("slug", "name")
            )
        cache.set(key, labels, 60 * 60)
    return labels


def _clear_labels(sender, **kwargs) -> None:
    from django.conf import settings

    cache.delete_many([_cache_key(sender, code) for code, _name in settings.LANGUAGES])


for _model in TAXONOMY_MODELS:
    post_save.connect(_clear_labels, sender=_model, dispatch_uid=f"labels-{_model.__name__}")
    post_delete.connect(_clear_labels, sender=_model, dispatch_uid=f"labels-del-{_model.__name__}")
