"""The forms a standard page can carry: write to the programme, report an accessibility barrier.

Both work alike: an error keeps what was typed, a flood is refused (counted in the shared
cache), the submission is stored once however often it is sent (contacts.submissions),
moderators are told after the commit (an e-mail that fails
is logged, never shown to the visitor whose submission is stored), and the page thanks the
visitor at ?sent=1.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language

from cms.standard.accessibility_form import AccessibilityFeedbackForm
from cms.standard.models import PageForm
from contacts import notifications
from contacts.form_limits import rate_limited
from contacts.models import AccessibilityFeedback, MessageTopic, ProgrammeMessage
from contacts.submissions import accept_submission, stored_before
from contacts.withdrawal import withdrawal_token
from matching.forms import ProgrammeMessageForm
from matching.pages import confirmation


def _feedback(form: forms.Form) -> AccessibilityFeedback:
    data = form.cleaned_data
    return AccessibilityFeedback.objects.create(
        page_address=data["page_address"],
        message=data["message"],
        email=data["email"],
        consent_given_at=timezone.now() if data["email"] else None,
        language=get_language(),
        submission_key=data["submission"],
    )


def _message(form: forms.Form) -> ProgrammeMessage:
    data = form.cleaned_data
    return ProgrammeMessage.objects.create(
        topic=data["topic"],
        about=data["about"],
        message=data["message"],
        **form.contact_record(),
    )


def _message_initial(request: HttpRequest) -> dict:
    """A "Write to the programme" link may say which page and topic the question is about."""
    initial = {"about": request.GET.get("about", "")[:500]}
    if request.GET.get("topic") in MessageTopic.values:
        initial["topic"] = request.GET["topic"]
    return initial


@dataclass(frozen=True)
class PublicForm:
    form_class: type[forms.Form]
    model: type[models.Model]
    rate_group: str
    anchor: str
    store: Callable[[forms.Form], models.Model]
    tell: tuple[Callable[[models.Model], int], ...]
    initial: Callable[[HttpRequest], dict] = lambda request: {}
    #: The thank-you page carries a signed link to withdraw consent (contact details stored).
    withdrawable: bool = False


PAGE_FORMS = {
    PageForm.CONTACT: PublicForm(
        ProgrammeMessageForm,
        ProgrammeMessage,
        rate_group="programme-message",
        anchor="message",
        store=_message,
        tell=(notifications.message_received, notifications.confirm_to_person),
        initial=_message_initial,
        withdrawable=True,
    ),
    PageForm.ACCESSIBILITY: PublicForm(
        AccessibilityFeedbackForm,
        AccessibilityFeedback,
        rate_group="accessibility-feedback",
        anchor="feedback",
        store=_feedback,
        tell=(notifications.feedback_received,),
    ),
}


def _thanks(sent_url: str, kind: PublicForm, record: models.Model) -> str:
    """The thank-you address; with the record's signed withdrawal link where consent was given."""
    withdraw = f"&withdraw={withdrawal_token(record)}" if kind.withdrawable else ""
    return f"{sent_url}{withdraw}#{kind.anchor}"


def serve_page_form(page, request: HttpRequest, context: dict) -> HttpResponse:
    kind = PAGE_FORMS[page.page_form]
    context["content_cache"] = settings.FRAGMENTS_UNCACHED  # a form with the visitor's token
    if request.GET.get("sent"):
        return confirmation(request, page.template, context)
    if request.method == "POST":
        form = kind.form_class(request.POST)
    else:
        form = kind.form_class(initial=kind.initial(request))
    context["form"] = form
    if request.method == "POST":
        if rate_limited(request, kind.rate_group):
            context["rate_limited"] = True
            return TemplateResponse(request, page.template, context, status=429)
        sent_url = f"{page.url}?sent=1"  # worked out before saving: then only success follows
        if (record := stored_before(kind.model, request.POST)) is not None:
            return redirect(_thanks(sent_url, kind, record))
        if form.is_valid():
            key = form.cleaned_data["submission"]
            create = partial(kind.store, form)
            record = accept_submission(request, kind.model, key, create, kind.rate_group, kind.tell)
            return redirect(_thanks(sent_url, kind, record))
    return TemplateResponse(request, page.template, context)
