"""Staff tool in the Wagtail admin: find one person's data by e-mail, export it as JSON, erase it.

Only users with contacts.manage_personal_data reach it. The address travels in POST bodies
only (never in a URL, a message or the audit log), so it leaves no copy in logs or sessions.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from contacts.privacy import EXPORT_ACTION, erase_person, export_person, records_of

PERMISSION = "contacts.manage_personal_data"


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    reason = forms.ChoiceField(
        label=_("Why erase"),
        required=False,
        choices=[
            ("request", _("The person asked for erasure")),
            ("withdrawal", _("The person withdrew consent")),
        ],
        initial="request",
    )
    confirm = forms.BooleanField(
        label=_("Yes, erase this person's contact details and messages; this cannot be undone"),
        required=False,
    )


def can_manage_personal_data(user) -> bool:
    return user.has_perm(PERMISSION)


def personal_data_view(request: HttpRequest) -> HttpResponse:
    if not can_manage_personal_data(request.user):
        raise PermissionDenied
    form = PersonalDataForm(request.POST or None)
    context = {
        "page_title": _("Personal data"),
        "header_title": _("Personal data"),
        "header_icon": "user",
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        records = records_of(email)
        action = request.POST.get("action")
        if action == "export":
            return export_response(request, email, records)
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            else:
                withdrawn = form.cleaned_data["reason"] == "withdrawal"
                erased = erase_person(email, user=request.user, withdrawn=withdrawn)
                message = ngettext(
                    "Erased the contact details of %(count)s record.",
                    "Erased the contact details of %(count)s records.",
                    erased,
                )
                messages.success(request, message % {"count": erased})
                return redirect("contacts_personal_data")
        context |= {"searched": True, "records": records}
    response = TemplateResponse(request, "contacts/admin/personal_data.html", context)
    response["Cache-Control"] = "no-store"
    return response


def export_response(request: HttpRequest, email: str, records: list) -> HttpResponse:
    for record in records:
        log(instance=record, action=EXPORT_ACTION, user=request.user, title=str(record))
    body = json.dumps(export_person(email), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="rescom-personal-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response
