"""A plain page for about, contact, privacy, accessibility and the like."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.pages.base import ContentPage, sample_panel
from cms.pages.blocks import BaseStreamBlock


class PageForm(models.TextChoices):
    NONE = "", _("None")
    CONTACT = "contact", _("Write to the programme")
    ACCESSIBILITY = "accessibility", _("Report an accessibility barrier")


class StandardPage(ContentPage):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("An optional lead paragraph, shown larger under the title."),
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), help_text=_("The page's content.")
    )

    page_form = models.CharField(
        _("form on the page"),
        max_length=20,
        choices=PageForm.choices,
        default=PageForm.NONE,
        blank=True,
        help_text=_(
            "A form under the content: where visitors write to the programme (the contact "
            "page), or report accessibility barriers (the accessibility statement)."
        ),
    )

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("page_form"),
        sample_panel(),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    def serve(self, request, *args, **kwargs):
        if not self.page_form:
            return super().serve(request, *args, **kwargs)
        # Imported here: the forms import matching's models, which load with ours.
        from cms.standard.forms import serve_page_form

        return serve_page_form(self, request, self.get_context(request, *args, **kwargs))
