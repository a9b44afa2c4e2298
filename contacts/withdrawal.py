"""Withdrawing consent as easily as it was given: a signed link, one confirming click, no login.

The link names the record by model and id only, signed with the site's key, so it carries no
personal data and cannot be guessed or altered; the POST that acts on it is CSRF-protected.
"""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import override

from contacts.consent import ContactDetails
from contacts.privacy import CONTACT_MODELS, erase_records

# The links already e-mailed are signed with this salt: it stays as it was.
SALT = "matching.consent-withdrawal"


def withdrawal_token(record: ContactDetails) -> str:
    """One link per record, the same each time: a form sent twice gets the same thank-you."""
    return signing.Signer(salt=SALT).sign_object(
        [record._meta.model_name, record.pk], compress=True
    )


def _named(token: str) -> list:
    try:
        return signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return signing.loads(token, salt=SALT)  # a link sent with its time, before


def record_for(token: str) -> ContactDetails | None:
    """The record a token names, or None for a forged, damaged or unknown one."""
    try:
        model_name, pk = _named(token)
        model = {model._meta.model_name: model for model in CONTACT_MODELS}[model_name]
        return model.objects.filter(pk=int(pk)).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def withdrawal_path(record: ContactDetails, language: str | None = None) -> str:
    """The withdrawal page in the language consent was given in."""
    with override(language or record.consent_language or settings.LANGUAGE_CODE):
        return reverse("withdraw_consent", args=[withdrawal_token(record)])


def withdrawal_url(record: ContactDetails) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + withdrawal_path(record)


def withdraw_consent_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm; POST withdraws consent and erases the contact details."""
    record = record_for(token)
    status = 200
    if record is None:
        state, status = "invalid", 404
    elif record.erased_at is not None:
        state = "done" if record.consent_withdrawn_at else "erased"
    elif request.method == "POST":
        erase_records([record], withdrawn=True)
        state = "done"
    else:
        state = "confirm"
    context = {
        "state": state,
        "concerns": record.concerns() if record else "",
        "content_cache": settings.FRAGMENTS_UNCACHED,  # a form with the visitor's token
    }
    response = TemplateResponse(request, "contacts/withdraw_consent.html", context, status=status)
    add_never_cache_headers(response)
    return response
