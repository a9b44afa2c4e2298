"""The programme's vocabulary on a page: one way to declare, edit, translate and label it.

A page type lists its vocabularies once (`taxonomy_fields`); its fields, panels, translation
sync and card labels all follow from that list.
"""

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from cms.pages.base import default_locale_terms
from matching.taxonomy import Challenge, CultureRole, CultureTheme, ResiliencePillar, TaxonomyTerm

#: Field name → (term model, the field's label), the same on every page type that has it.
VOCABULARIES: dict[str, tuple[type[TaxonomyTerm], str]] = {
    "challenges": (Challenge, _("challenges")),
    "culture_roles": (CultureRole, _("culture roles")),
    "culture_themes": (CultureTheme, _("culture themes")),
    "pillars": (ResiliencePillar, _("resilience pillars")),
}


def taxonomy_fields(*names: str) -> dict[str, type[TaxonomyTerm]]:
    """The vocabularies `names` (field name → term model), as `attach_labels` reads them."""
    return {name: VOCABULARIES[name][0] for name in names}


def default_locale_field(
    model: type[Model], *, related_name: str, verbose_name: str, help_text: str
) -> ParentalManyToManyField:
    """Optional links to rows of `model` in the default language, whose slugs are the identity."""
    return ParentalManyToManyField(
        model,
        blank=True,
        limit_choices_to=default_locale_terms,
        related_name=related_name,
        verbose_name=verbose_name,
        help_text=help_text,
    )


def taxonomy_field(name: str, *, related_name: str, help_text: str) -> ParentalManyToManyField:
    """The field `name` of `VOCABULARIES`, with what it means on this page type."""
    model, verbose_name = VOCABULARIES[name]
    return default_locale_field(
        model, related_name=related_name, verbose_name=verbose_name, help_text=help_text
    )


def taxonomy_panels(fields: dict[str, type[TaxonomyTerm]]) -> list[FieldPanel]:
    return [FieldPanel(name) for name in fields]


def synchronized(*names: str) -> list[SynchronizedField]:
    """Fields copied to translations, not translated: terms and partners are shared by slug."""
    return [SynchronizedField(name) for name in names]
