"""Wagtail's API v2 for pages, images and documents (read-only, live public content only)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.utils import translation
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from cms.search.views import MAX_QUERY_LENGTH, NOT_A_WORD

#: Far past the last item of any listing, and far below what the database can read (2**63).
MAX_OFFSET = 2**31


def replace_parameter(request, name: str, value: str) -> None:
    """Let Wagtail's own code read a cleaned value of one query parameter."""
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query[name] = value
    request._request.GET = query


class BoundedPagination(WagtailPagination):
    """An offset past the end is an empty page however large, not a database error (a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail answers 400 for it
        if offset > MAX_OFFSET:
            replace_parameter(request, "offset", str(MAX_OFFSET))
        return super().paginate_queryset(queryset, request, view)


class CheckedFieldsFilter(FieldsFilter):
    """?first_published_at=junk is a 400, as a malformed number already is, never a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(f"field filter error. {' '.join(error.messages)}") from error


class WordSearchFilter(SearchFilter):
    """?search= reads words only, as the site search does: a stray quote or a blank is a 400 at worst."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in request.GET:
            words = NOT_A_WORD.sub(" ", request.GET["search"][:MAX_QUERY_LENGTH]).strip()
            if not words:
                raise BadRequestError("search needs at least one word")
            replace_parameter(request, "search", words)
        return super().filter_queryset(request, queryset, view)


CHECKED = {SearchFilter: WordSearchFilter, FieldsFilter: CheckedFieldsFilter}


def with_checked_parameters(viewset: type) -> type:
    """The viewset with filters and pagination that answer bad parameters with a 400."""
    backends = [CHECKED.get(b, b) for b in viewset.filter_backends]
    attributes = {"filter_backends": backends, "pagination_class": BoundedPagination}
    return type(viewset.__name__, (viewset,), attributes)


class LocalisedPagesAPIViewSet(PagesAPIViewSet):
    """`find/?html_path=/uk/stories/` reads the language prefix as the site's URLs do.

    Wagtail's own lookup routes the whole path from the default language's home page, so any
    address of the site (all start with a language) would be 404.
    """

    def find_object(self, queryset, request):
        site = Site.find_for_request(request)
        parts = [part for part in request.GET.get("html_path", "").split("/") if part]
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        if site is None or not parts or parts[0] not in languages:
            return super().find_object(queryset, request)
        with translation.override(parts[0]):
            try:
                page, _, _ = site.root_page.localized.specific.route(request, parts[1:])
            except Http404:
                return None
        return page if queryset.filter(id=page.id).exists() else None


# Rate-limited together with /api/v1 (cms.api.rate_limit).
wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", with_checked_parameters(LocalisedPagesAPIViewSet))
wagtail_api.register_endpoint("images", with_checked_parameters(ImagesAPIViewSet))
wagtail_api.register_endpoint("documents", with_checked_parameters(DocumentsAPIViewSet))
