"""A plain page for about, privacy, accessibility and the like."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from .blocks import BaseStreamBlock
from .page_base import ContentPage, sample_panel


class StandardPage(ContentPage):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("An optional lead paragraph, shown larger under the title."),
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), help_text=_("The page's content.")
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

    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
