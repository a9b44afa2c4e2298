"""A clear answer in the visitor's language, not a bare 500, while the database is out of reach."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30


def _caused_by_database(error: BaseException | None) -> bool:
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """Django's 500 view, except a 503 "try again" page when a lost database caused the error."""
    if _caused_by_database(sys.exc_info()[1]):
        return database_unavailable(request)
    return django_server_error(request, template_name)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        # Rendered without the request: its context processors would ask the database again.
        body = loader.render_to_string("errors/database_unavailable.html")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
