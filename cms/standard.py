"""A plain page for about, privacy, accessibility and the like."""

from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from matching.form_limits import count_submission, rate_limited

from .accessibility_feedback import AccessibilityFeedback
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

    feedback_form = models.BooleanField(
        _("accessibility feedback form"),
        default=False,
        help_text=_(
            "Show the form where visitors report accessibility barriers (for the statement)."
        ),
    )

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("feedback_form"),
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

    def serve(self, request, *args, **kwargs):
        if not self.feedback_form:
            return super().serve(request, *args, **kwargs)
        # Imported here: matching's forms import its models, which load with ours.
        from .accessibility_feedback_form import AccessibilityFeedbackForm, feedback_received

        context = self.get_context(request, *args, **kwargs)
        if request.GET.get("sent"):
            return TemplateResponse(request, self.template, context | {"sent": True})
        form = AccessibilityFeedbackForm(request.POST or None)
        context["form"] = form
        if request.method == "POST":
            if rate_limited(request, "accessibility-feedback"):
                context["rate_limited"] = True
                return TemplateResponse(request, self.template, context, status=429)
            if form.is_valid():
                count_submission(request, "accessibility-feedback")
                data = form.cleaned_data
                feedback = AccessibilityFeedback.objects.create(
                    page_address=data["page_address"],
                    message=data["message"],
                    email=data["email"],
                    consent_given_at=timezone.now() if data["email"] else None,
                    language=get_language(),
                )
                transaction.on_commit(lambda: feedback_received(feedback))
                return redirect(self.url + "?sent=1#feedback")
        return TemplateResponse(request, self.template, context)
