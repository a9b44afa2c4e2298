"""Views that frame notices for visitors: an untranslated page, a refused or unreadable form post."""

from django.core.exceptions import DisallowedHost
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, get_language_info
from django.views import defaults
from wagtail.models import Page


def untranslated(request, page_id: int):
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    translation = (
        page.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=get_language())
        .first()
    )
    if translation is not None:
        return redirect(translation.get_url(request))
    translations = page.get_translations(inclusive=True).live().public()
    versions = [
        {
            "page": version,
            "language": get_language_info(version.locale.language_code)["name_local"],
            "code": version.locale.language_code,
        }
        for version in translations.select_related("locale")
    ]
    context = {
        "source": page,
        "versions": versions,
        "language": get_language_info(get_language())["name_local"],
    }
    return render(request, "home/untranslated.html", context)


def csrf_failure(request, reason: str = ""):
    """A refused form post (missing or stale CSRF token): a page in the visitor's language, not Django's."""
    return render(request, "home/csrf_failure.html", status=403)


def bad_request(request, exception=None):
    """A request too large or malformed to read: a page in the visitor's language, not a bare 400."""
    if isinstance(exception, DisallowedHost):
        # The site's frame reads the host; an unknown one gets Django's plain answer.
        return defaults.bad_request(request, exception)
    return notice(request, "home/bad_request.html", 400, "The request could not be read.")


def page_not_found(request, exception=None):
    """An unknown address: a page in the visitor's language with a way on, not Django's bare 404."""
    return notice(request, "home/not_found.html", 404, "Not found.")


def notice(request, template: str, status: int, api_detail: str):
    """A framed notice page; under /api/ a JSON answer, as API clients expect."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": api_detail}, status=status)
    return render(request, template, status=status)
