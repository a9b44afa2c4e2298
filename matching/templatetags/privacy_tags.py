"""Where the privacy notice lives, in the visitor's language: linked from every consent box."""

from django import template
from wagtail.models import Locale, Page

register = template.Library()

PRIVACY_SLUG = "privacy"


@register.simple_tag(takes_context=True)
def privacy_url(context) -> str:
    """The live privacy page in the active language, else in the default one; "" if none."""
    pages = Page.objects.live().public().filter(slug=PRIVACY_SLUG)
    active = Locale.get_active()
    page = pages.filter(locale=active).first() or pages.filter(locale=Locale.get_default()).first()
    return page.get_url(context.get("request")) if page else ""
