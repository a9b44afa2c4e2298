"""Wagtail's API v2 for pages, images and documents (read-only, live public content only)."""

from django.http import QueryDict
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .search import MAX_QUERY_LENGTH, NOT_A_WORD


class WordSearchFilter(SearchFilter):
    """?search= reads words only, as the site search does: a stray quote or a blank is a 400 at worst."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in request.GET:
            words = NOT_A_WORD.sub(" ", request.GET["search"][:MAX_QUERY_LENGTH]).strip()
            if not words:
                raise BadRequestError("search needs at least one word")
            query = QueryDict(mutable=True)
            query.update(request.GET)
            query["search"] = words
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def with_word_search(viewset: type) -> type:
    backends = [WordSearchFilter if b is SearchFilter else b for b in viewset.filter_backends]
    return type(viewset.__name__, (viewset,), {"filter_backends": backends})


wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", with_word_search(PagesAPIViewSet))
wagtail_api.register_endpoint("images", with_word_search(ImagesAPIViewSet))
wagtail_api.register_endpoint("documents", with_word_search(DocumentsAPIViewSet))
