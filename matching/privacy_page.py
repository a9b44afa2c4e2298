"""Where the privacy notice lives, in the visitor's language: linked from every consent box."""

from django.http import HttpRequest
from wagtail.models import Locale, Page

PRIVACY_SLUG = "privacy"


def privacy_url(request: HttpRequest | None) -> str:
    """The live privacy page in the active language, else in the default one; "" if none."""
    pages = Page.objects.live().public().filter(slug=PRIVACY_SLUG)
    page = (
        pages.filter(locale=Locale.get_active()).first()
        or pages.filter(locale=Locale.get_default()).first()
    )
    return page.get_url(request) if page else ""
