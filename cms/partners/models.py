"""Partner organisations (translatable snippets) and the page that presents them."""

from functools import cache

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from cms.pages.base import ContentPage, sample_panel
from cms.pages.blocks import BaseStreamBlock
from cms.pages.countries import ProgrammeCountries


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated organisation")


class PartnerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=160, help_text=_("The organisation's name in this language.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Stable identifier used by demo data and imports; never translated."),
    )
    country = CountryField(
        _("country"),
        countries=ProgrammeCountries,
        countries_flag_url=None,
        help_text=_("Where the organisation is based."),
    )
    based_in = models.CharField(
        _("based in"),
        max_length=120,
        blank=True,
        help_text=_("Its city, as readers of this language write it, e.g. Stockholm."),
    )
    role = models.CharField(
        _("role"),
        max_length=12,
        choices=PartnerRole.choices,
        default=PartnerRole.PARTNER,
        help_text=_("Its role in RESCOM."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Two or three sentences: who they are and what they bring to RESCOM."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Only with the organisation's written permission; otherwise leave empty."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The organisation's own site, starting with https://."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("based_in")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("sort_order")]),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


def localized_partners(
    locale: Locale, linked: models.QuerySet | None = None
) -> list[PartnerOrganisation]:
    """Partners in `locale`, falling back to the default language where not yet translated.

    All of them, or those in `linked` (a page's partners, in whichever language they were
    chosen), in one query.
    """
    languages = {locale.language_code, settings.LANGUAGE_CODE}
    rows = PartnerOrganisation.objects.filter(locale__language_code__in=languages)
    if linked is not None:
        rows = rows.filter(translation_key__in=linked.values_list("translation_key", flat=True))
    chosen: dict = {}
    for row in rows.select_related("logo", "locale"):
        if row.translation_key not in chosen or row.locale_id == locale.pk:
            chosen[row.translation_key] = row
    return sorted(chosen.values(), key=lambda p: (p.sort_order, p.name))


class PartnersPage(ContentPage):
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences above the list of partner organisations."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Optional text below the partners, e.g. how to join as an associated city."),
    )

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/partners/partners_page.html"

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = cache(
            lambda: localized_partners(self.locale)
        )  # called by the template
        return context
