"""Request handling around the views: language prefixes, and addresses no database can read."""

from django.core.exceptions import SuspiciousOperation
from django.middleware.locale import LocaleMiddleware

#: Paths outside the language prefixes: a 404 there is final, not a missing "/en/".
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class RejectNulBytesMiddleware:
    """A NUL byte in the address is a 400: PostgreSQL cannot compare text holding one (a 500).

    No visitor types one; forms already refuse them in posted fields (Django's validators).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parts = [
            request.path,
            *request.GET.keys(),
            *(v for _k, vs in request.GET.lists() for v in vs),
        ]
        if any("\x00" in part for part in parts):
            raise SuspiciousOperation("NUL byte in the request address")
        return self.get_response(request)
