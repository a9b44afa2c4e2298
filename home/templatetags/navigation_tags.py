"""What frames every page: the main menu, the footer links, the language switcher, hreflang.

Each piece is site structure, kept per process until content changes
(`matching.structure_cache`) and shared within a request, so the frame costs no query on a
public page however many languages and menu items there are (a few in previews).
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms.site_structure import site_for_request
from matching.structure_cache import public, remember

register = template.Library()

FOOTER_SLUGS = ("about", "contact", "privacy", "accessibility")


def _memo(request, name: str, compute):
    """`compute()` once per request (or every time without a request)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_navigation", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def live_translations(request, page: Page) -> dict[str, Page]:
    """Every live version of `page`, this one included, by language code: one query."""

    def compute():
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        return {version.locale.language_code: version for version in versions}

    key = ("translations", page.pk)
    return _memo(request, key, lambda: remember(key, compute))


def localized_root(request) -> Page | None:
    """The home page in the visitor's language, falling back to the site's own root."""
    site = site_for_request(request) if request else None
    if site is None or site.root_page_id is None:
        return None

    roots = live_translations(request, site.root_page)
    return roots.get(translation.get_language()) or site.root_page


def _root_children(request) -> list[Page]:
    """Menu pages and footer pages under the localized root, in one query."""
    root = localized_root(request)
    if root is None:
        return []

    def compute():
        wanted = Q(show_in_menus=True) | Q(slug__in=FOOTER_SLUGS)
        return list(public(root.get_children().live()).filter(wanted))

    return remember(("menu", root.pk), compute)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    request = context.get("request")
    items = [page for page in _root_children(request) if page.show_in_menus]
    return {"items": items, "current": context.get("page"), "request": request}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """One link per language: the same page where it is translated, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    versions = live_translations(request, page) if isinstance(page, Page) and page.pk else {}
    query = (
        f"?{request.META['QUERY_STRING']}" if request and request.META.get("QUERY_STRING") else ""
    )
    links = []
    for code, _name in settings.LANGUAGES:
        if code in versions:
            # The same view in another language: keep its filters, chosen city and page.
            url = versions[code].get_url(request) + query
        elif isinstance(page, Page) and page.pk:
            with translation.override(code):
                url = reverse("untranslated", args=[page.pk])
        else:
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
    if isinstance(page, Page) and page.pk:
        for code, version in live_translations(request, page).items():
            url = version.get_full_url(request)
            if url:
                links.append({"code": code, "url": url})
    return {"links": sorted(links, key=lambda link: link["code"])}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context) -> dict:
    """About, contact, privacy and accessibility pages, in the visitor's language where they exist."""
    request = context.get("request")
    pages = {p.slug: p for p in _root_children(request) if p.slug in FOOTER_SLUGS}
    return {"pages": [pages[slug] for slug in FOOTER_SLUGS if slug in pages], "request": request}
