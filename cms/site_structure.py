"""Serving pages with the site's structure kept per process (`matching.structure_cache`).

The middleware opens the window for public reads, under the page cache's generation; the
view keeps each path's route and each page's view restrictions, so a page costs the
queries of its own content rather than of the tree around it.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from matching.kept_queries import KeptQuery
from matching.structure_cache import in_window, remember, window

from .page_cache import UNCACHED_PREFIXES, current_generation


def is_public_read(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and not request.path_info.startswith(UNCACHED_PREFIXES)


class SiteStructureMiddleware:
    """Keep the site's structure for public reads; place it right after the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_public_read(request):
            return self.get_response(request)

        def read_generation() -> int:
            # The page cache, placed before, may have read it already.
            known = getattr(request, "content_generation", None)
            return known if known is not None else current_generation()

        with window(read_generation):
            return self.get_response(request)


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site for the request's host and port, looked up once per process."""
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port())
        request._wagtail_site = remember(key, lambda: Site.find_for_request(request))
    return request._wagtail_site


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the route and the page's view restrictions kept per process.

    A kept route names the page, its model and the view's arguments; the page itself is
    read afresh (one query), so a view never shares an object with another request.
    Routes depend on the path alone, as Wagtail's and routable pages' do. A page model's
    `serve_select_related` names the relations its template shows, read in the same query.
    """
    from wagtail.views import serve as wagtail_serve  # it needs the models loaded

    if in_window() and site_for_request(request) is not None:
        # Every page address needs them; Wagtail would read them from the shared cache.
        request._wagtail_cached_site_root_paths = remember(
            ("site-root-paths",), Site.get_site_root_paths
        )
        key = ("route", request._wagtail_site.pk, translation.get_language(), path)
        found = remember(key, lambda: _route(request, path))
        if found is not None:
            if not hasattr(request, "_wagtail_route_for_request"):
                model, pk, args, kwargs = found
                if pages := _LIVE_PAGE(pk, model=model):
                    request._wagtail_route_for_request = RouteResult(pages[0], args, kwargs)
            if route := getattr(request, "_wagtail_route_for_request", None):
                _keep_view_restrictions(route.page)
    return wagtail_serve(request, path)


def _live_page(pk: int, model: type[Page]):
    # Live, and there: a change committed an instant ago may not have bumped yet.
    related = ("locale", *getattr(model, "serve_select_related", ()))
    return model.objects.select_related(*related).filter(pk=pk, live=True)[:1]


_LIVE_PAGE = KeptQuery(_live_page)


def _route(request: HttpRequest, path: str) -> tuple | None:
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    return type(page), page.pk, args, kwargs


def _keep_view_restrictions(page: Page) -> None:
    """The restrictions on the page and its ancestors, as ids kept per process."""
    ids = remember(
        ("restrictions", page.pk),
        lambda: list(Page.get_view_restrictions(page).values_list("pk", flat=True)),
    )
    restrictions = (
        PageViewRestriction.objects.filter(pk__in=ids)
        if ids
        else PageViewRestriction.objects.none()
    )
    # Wagtail's restriction check asks the page; this request's own instance answers.
    page.get_view_restrictions = lambda: restrictions
