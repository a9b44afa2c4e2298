"""What frames every page: the main menu, the footer links, the language switcher, hreflang.

Each piece is site structure, kept per process until content changes
(`matching.structure_cache`) and shared within a request, so the frame costs no query on a
public page however many languages and menu items there are (a few in previews).
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms.site_structure import site_for_request
from matching.structure_cache import full_page_url, page_url, public, remember

FOOTER_SLUGS = ("about", "contact", "privacy", "accessibility")


def _memo(request, name, compute):
    """`compute()` once per request (or every time without a request)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_navigation", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def live_translations(request: HttpRequest | None, page: Page) -> dict[str, Page]:
    """Every live version of `page`, this one included, by language code: one query."""

    def compute():
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        return {version.locale.language_code: version for version in versions}

    key = ("translations", page.pk)
    return _memo(request, key, lambda: remember(key, compute))


def localized_root(request: HttpRequest | None) -> Page | None:
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


def _is_page(page) -> bool:
    return isinstance(page, Page) and bool(page.pk)


def main_menu(request: HttpRequest | None, page) -> dict:
    """The menu pages under the home page; `current` marks the section being read."""
    items = [item for item in _root_children(request) if item.show_in_menus]
    return {"items": items, "current": page, "request": request}


def language_switcher(request: HttpRequest | None, page) -> dict:
    """One link per language: the same page where it is translated, else that language's home."""
    current = translation.get_language()
    versions = live_translations(request, page) if _is_page(page) else {}
    query = (
        f"?{request.META['QUERY_STRING']}" if request and request.META.get("QUERY_STRING") else ""
    )
    links = []
    for code, _name in settings.LANGUAGES:
        if code in versions:
            # The same view in another language: keep its filters, chosen city and page.
            url = page_url(request, versions[code]) + query
        elif _is_page(page):
            with translation.override(code):
                url = reverse("untranslated", args=[page.pk])
        else:
            with translation.override(code):
                root = localized_root(request)
                url = page_url(request, root) if root else f"/{code}/"
        info = translation.get_language_info(code)
        links.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    return {"links": links}


def hreflang_links(request: HttpRequest | None, page) -> dict:
    """Alternate-language links for search engines: every live translation of this page."""
    links = []
    if _is_page(page):
        for code, version in live_translations(request, page).items():
            url = full_page_url(request, version)
            if url:
                links.append({"code": code, "url": url})
    return {"links": sorted(links, key=lambda link: link["code"])}


def footer_links(request: HttpRequest | None, page=None) -> dict:
    """About, contact, privacy and accessibility pages, in the visitor's language where they exist."""
    pages = {p.slug: p for p in _root_children(request) if p.slug in FOOTER_SLUGS}
    return {"pages": [pages[slug] for slug in FOOTER_SLUGS if slug in pages], "request": request}
