"""What frames every page: the main menu, the footer links, the language switcher, hreflang.

The menu and the footer share one query, and the page's translations another: each is
read once per request however many pieces of the frame ask for it.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

FOOTER_SLUGS = ("about", "contact", "privacy", "accessibility")


def _memo(request, key, compute):
    """`compute()` once per request (or every time without a request).

    Kept in `request.navigation`, an attribute of the request this module alone sets.
    """
    if request is None:
        return compute()
    if not hasattr(request, "navigation"):
        request.navigation = {}
    if key not in request.navigation:
        request.navigation[key] = compute()
    return request.navigation[key]


def live_translations(request: HttpRequest | None, page: Page) -> dict[str, Page]:
    """Every live version of `page`, this one included, by language code: one query."""

    def compute():
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        return {version.locale.language_code: version for version in versions}

    return _memo(request, ("translations", page.pk), compute)


def localized_root(request: HttpRequest | None) -> Page | None:
    """The home page in the visitor's language, falling back to the site's own root."""
    site = Site.find_for_request(request) if request else None
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
        return list(root.get_children().live().public().filter(wanted))

    return _memo(request, ("menu", root.pk), compute)


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
            url = versions[code].get_url(request) + query
        elif _is_page(page):
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


def hreflang_links(request: HttpRequest | None, page) -> dict:
    """Alternate-language links for search engines: every live translation of this page."""
    links = []
    if _is_page(page):
        for code, version in live_translations(request, page).items():
            url = version.get_full_url(request)
            if url:
                links.append({"code": code, "url": url})
    return {"links": sorted(links, key=lambda link: link["code"])}


def footer_links(request: HttpRequest | None, page=None) -> dict:
    """About, contact, privacy and accessibility pages, in the visitor's language where they exist."""
    pages = {p.slug: p for p in _root_children(request) if p.slug in FOOTER_SLUGS}
    return {"pages": [pages[slug] for slug in FOOTER_SLUGS if slug in pages], "request": request}
