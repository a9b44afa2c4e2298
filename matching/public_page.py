"""What every public page of the matching half shares: an introduction, a thank-you page."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from contacts.withdrawal import record_for, withdrawal_token


def confirmation(request, template: str, context: dict) -> TemplateResponse:
    """The thank-you page, with the signed withdrawal link of the record just stored."""
    record = record_for(request.GET.get("withdraw", ""))
    if record is not None and record.erased_at is None:
        context["withdraw_token"] = withdrawal_token(record)
    context |= {
        "sent": True,
        "content_cache": settings.FRAGMENTS_UNCACHED,
    }  # the visitor's own link
    response = TemplateResponse(request, template, context)
    add_never_cache_headers(response)
    return response


class MatchingPage(Page):
    """One of a kind below the home page, with an introduction above its form or list."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences above the page's form or list."),
    )
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
