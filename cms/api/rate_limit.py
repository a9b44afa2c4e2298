"""One rate limit for every JSON API under /api/ (ours at v1, Wagtail's at v2), per client address.

A middleware rather than each framework's throttle, so both APIs share one counter, one
setting and one 429 answer. It sits before the page cache: a cached answer is still a request
the client made, and counting it costs one cache round trip.
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

API_PREFIX = "/api/"
#: The counter's name in the cache; both API versions count against it.
GROUP = "api"


def seconds_until_allowed(request: HttpRequest) -> int | None:
    """Count this request; past API_RATE_LIMIT, the seconds until the client's window ends.

    The count is an atomic increment in the cache every app instance shares (Redis in
    production), so the limit holds for the site, not per worker. `API_RATE_LIMIT = ""`
    turns it off (benchmarks do). With the cache out of reach nothing is counted and every
    request goes through (RATELIMIT_FAIL_OPEN; docs/decisions/cache-outage.md).
    """
    rate = settings.API_RATE_LIMIT
    if not rate:
        return None
    usage = get_usage(request, group=GROUP, key="ip", rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, math.ceil(usage["time_left"]))


def too_many_requests(request: HttpRequest, seconds: int) -> JsonResponse:
    """The answer past the limit: JSON with a `detail`, as every other API error, and Retry-After."""
    with translation.override(translation.get_language_from_request(request)):
        detail = _("Too many requests from this address; try again later.")
    response = JsonResponse({"detail": detail}, status=429)
    response["Retry-After"] = str(seconds)
    return response


class ApiRateLimitMiddleware:
    """Answer 429 to a client past API_RATE_LIMIT requests to /api/; place it before the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            seconds = seconds_until_allowed(request)
            if seconds is not None:
                return too_many_requests(request, seconds)
        return self.get_response(request)
