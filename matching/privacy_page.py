"""Where the privacy notice lives, in the visitor's language: linked from every consent box."""

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from matching.structure_cache import public, remember_for_host

PRIVACY_SLUG = "privacy"


def privacy_url(request: HttpRequest | None) -> str:
    """The live privacy page in the active language, else in the default one; "" if none."""

    def compute() -> str:
        pages = public(Page.objects.live()).filter(slug=PRIVACY_SLUG)
        active = Locale.get_active()
        page = (
            pages.filter(locale=active).first() or pages.filter(locale=Locale.get_default()).first()
        )
        return page.get_url(request) if page else ""

    return remember_for_host(request, ("privacy-url", get_language()), compute)
