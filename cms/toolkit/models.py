"""The toolkit: the guidebook, the action-plan template and other documents, each described."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from cms.pages.base import ContentPage, sample_panel
from cms.pages.blocks import BaseStreamBlock
from cms.pages.choices import DocumentKind


class ToolkitDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    kind = blocks.ChoiceBlock(choices=DocumentKind.choices, label=_("Kind"))
    description = blocks.TextBlock(
        label=_("Description"),
        help_text=_("Who it is for and how to use it, in two or three sentences."),
    )

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/blocks/toolkit_document_block.html"
        label = _("Toolkit document")
        description = _("A downloadable document with its kind and a description.")
        preview_value = {
            "title": "Guidebook",
            "kind": "guidebook",
            "description": "How to plan culture-driven resilience work with your community.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(DocumentKind.choices).get(value["kind"], "")
        return context


class ToolkitDocumentsBlock(blocks.StreamBlock):
    document = ToolkitDocumentBlock()


class ToolkitPage(ContentPage):
    intro = models.TextField(
        _("introduction"), help_text=_("What the toolkit is for and who should use it.")
    )
    documents = StreamField(
        ToolkitDocumentsBlock(),
        blank=True,
        verbose_name=_("documents"),
        help_text=_("The toolkit's documents in the order readers should meet them."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("more about the toolkit"),
        help_text=_("Optional text below the documents, e.g. how mentors use them."),
    )

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("documents"),
        FieldPanel("body"),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("documents"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "cms/toolkit/toolkit_page.html"

    class Meta:
        verbose_name = _("toolkit")
