"""What frames every page: the main menu and the language switcher."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def localized_root(request) -> Page | None:
    """The home page in the visitor's language, falling back to the site's own root."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    return root.localized if root else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    request = context.get("request")
    root = localized_root(request)
    items = root.get_children().live().in_menu().specific() if root else []
    current = context.get("page")
    return {"root": root, "items": items, "current": current, "request": request}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """One link per language: the same page where it is translated, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            try:
                translated = page.get_translation_or_none(Locale.objects.get(language_code=code))
            except Locale.DoesNotExist:
                translated = None
            if translated is not None and translated.live:
                url = translated.get_url(request)
        if url is None and isinstance(page, Page) and page.pk:
            with translation.override(code):
                url = reverse("untranslated", args=[page.pk])
        if url is None:
            with translation.override(code):
                root = localized_root(request)
                url = root.get_url(request) if root else f"/{code}/"
        info = translation.get_language_info(code)
        links.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    return {"links": links}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context) -> dict:
    """Alternate-language links for search engines: every live translation of this page."""
    request = context.get("request")
    page = context.get("page")
    links = []
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            url = translation.get_full_url(request)
            if url:
                links.append({"code": translation.locale.language_code, "url": url})
    return {"links": sorted(links, key=lambda link: link["code"])}


FOOTER_SLUGS = ("about", "contact", "privacy", "accessibility")


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context) -> dict:
    """About, contact, privacy and accessibility pages, in the visitor's language where they exist."""
    root = localized_root(context.get("request"))
    if root is None:
        return {"pages": []}
    pages = {p.slug: p for p in root.get_children().live().public().filter(slug__in=FOOTER_SLUGS)}
    return {
        "pages": [pages[slug] for slug in FOOTER_SLUGS if slug in pages],
        "request": context.get("request"),
    }
