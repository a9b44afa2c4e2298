"""Community resilience learning labs (roundtables, workshops) and their published conclusions."""

from collections import defaultdict
from functools import cache, partial, reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pages.base import ContentPage, sample_panel
from cms.pages.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.pages.choices import Attendance, LabFormat
from cms.pages.filters import LabFilterForm
from cms.pages.listing import ListingPage, page_labels
from cms.pages.taxonomy import (
    default_locale_field,
    synchronized,
    taxonomy_field,
    taxonomy_fields,
    taxonomy_panels,
)
from cms.partners.models import PartnerOrganisation, localized_partners
from cms.seo.structured_data import article_data


def attach_conclusions(labs, conclusions) -> None:
    """Give each lab its published conclusions, in one query for the whole page of labs."""
    labs = list(labs)
    by_lab = defaultdict(list)
    if labs:
        under_labs = reduce(or_, (Q(path__startswith=lab.path) for lab in labs))
        for conclusion in conclusions.filter(under_labs):
            by_lab[conclusion.path[: -Page.steplen]].append(conclusion)
    for lab in labs:
        lab.published_conclusions = by_lab.get(lab.path, [])


class LabIndexPage(ListingPage):
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences above the list of labs.")
    )

    filter_form_class = LabFilterForm
    subpage_types = ["cms.LabPage"]
    template = "cms/labs/lab_index_page.html"

    class Meta:
        verbose_name = _("learning lab index")

    def listed_items(self):
        return LabPage.objects.child_of(self).live().public().order_by("-date", "pk")

    def conclusions(self):
        return (
            LabConclusionsPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("document")
            .order_by("path")
        )

    def filter_choices(self, items) -> dict:
        return {
            "labs": items,
            "conclusions": self.conclusions(),
            "formats": LabFormat.choices,
            "attendances": Attendance.choices,
        }

    def prepare(self, page_of_items) -> None:
        attach_conclusions(page_of_items, self.conclusions())


class LabPage(ContentPage):
    format = models.CharField(
        _("format"),
        max_length=12,
        choices=LabFormat.choices,
        help_text=_("A roundtable discussion or a hands-on workshop."),
    )
    date = models.DateField(_("date"), help_text=_("The day the lab took (or takes) place."))
    attendance = models.CharField(
        _("online or in person"),
        max_length=8,
        choices=Attendance.choices,
        default=Attendance.VENUE,
        help_text=_("Where participants took part."),
    )
    place = models.CharField(
        _("place"),
        max_length=160,
        blank=True,
        help_text=_("The venue and city, e.g. “Public Library, Härnösand”; empty when online."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=240,
        help_text=_("One line on the question the lab worked on. Shown on cards and in feeds."),
    )
    organisations = default_locale_field(
        PartnerOrganisation,
        related_name="labs",
        verbose_name=_("partner organisations taking part"),
        help_text=_("RESCOM partners that prepared or joined the lab."),
    )
    other_participants = models.TextField(
        _("other participating organisations"),
        blank=True,
        help_text=_(
            "Cities, institutions and groups that took part, one per line. No personal names."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("about the lab"),
        help_text=_("The programme, the questions discussed and how the lab worked."),
    )

    override_translatable_fields = synchronized("organisations")

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("attendance"), FieldPanel("place")]),
            ],
            heading=_("Format, date and place"),
        ),
        MultiFieldPanel(
            [FieldPanel("organisations"), FieldPanel("other_participants")],
            heading=_("Participating organisations"),
        ),
        FieldPanel("body"),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.LabIndexPage"]
    subpage_types = ["cms.LabConclusionsPage"]
    template = "cms/labs/lab_page.html"

    class Meta:
        verbose_name = _("learning lab")

    @property
    def participant_list(self) -> list[str]:
        return [line.strip() for line in self.other_participants.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template on first use: a cached content fragment costs no query.
        context["partners"] = cache(
            lambda: localized_partners(self.locale, self.organisations.all())
        )
        context["conclusions"] = cache(
            LabConclusionsPage.objects.child_of(self).live().public().first
        )
        return context


#: The vocabularies lab conclusions are tagged with (their page shows the labels).
TAXONOMY_FIELDS = taxonomy_fields("challenges", "culture_themes")


class LabConclusionsPage(ContentPage):
    summary = models.CharField(
        _("summary"),
        max_length=240,
        help_text=_("The lab's main conclusion in one line. Shown on cards and in feeds."),
    )
    key_findings = StreamField(
        BaseStreamBlock(),
        verbose_name=_("key findings"),
        help_text=_("What participants found, one heading or paragraph per finding."),
    )
    recommendations = RichTextField(
        _("recommendations"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What local authorities should do next; a numbered list works well."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF"),
        help_text=_("The full conclusions as a PDF readers can download."),
    )
    challenges = taxonomy_field(
        "challenges",
        related_name="lab_conclusions",
        help_text=_("The challenges the conclusions speak to."),
    )
    culture_themes = taxonomy_field(
        "culture_themes",
        related_name="lab_conclusions",
        help_text=_("The cultural and creative sectors the conclusions cover."),
    )

    override_translatable_fields = synchronized(*TAXONOMY_FIELDS)

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("key_findings"),
        FieldPanel("recommendations"),
        FieldPanel("document"),
        MultiFieldPanel(taxonomy_panels(TAXONOMY_FIELDS), heading=_("Vocabulary")),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("key_findings"),
        index.SearchField("recommendations"),
    ]

    parent_page_types = ["cms.LabPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/labs/lab_conclusions_page.html"
    schema_type = "Report"

    class Meta:
        verbose_name = _("lab conclusions")
        verbose_name_plural = _("lab conclusions")

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() != "pdf":
            raise ValidationError({"document": _("Choose a PDF file.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template on first use: a cached content fragment costs no query.
        context["lab"] = cache(lambda: self.get_parent().specific)
        context["labels"] = cache(partial(page_labels, self, TAXONOMY_FIELDS))
        return context

    def structured_data(self, request) -> dict:
        return article_data(self, request, self.schema_type)
