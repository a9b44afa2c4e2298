"""Rate limits of the public forms, counted per client address in the shared cache.

A stored submission counts against FORM_RATE; a post refused for a mistake does not, so a
person correcting a form is never locked out. Every post, valid or not, counts against the
much larger FLOOD_RATE, so a flood of invalid posts is still refused. While the cache is
out of reach nothing can be counted and no post is refused (docs/decisions/cache-outage.md).
"""

from django.http import HttpRequest
from django_ratelimit.core import get_usage

FORM_RATE = "10/h"
FLOOD_RATE = "100/h"


def _usage(request: HttpRequest, group: str, rate: str, increment: bool) -> dict | None:
    return get_usage(request, group=group, key="ip", rate=rate, method="POST", increment=increment)


def rate_limited(request: HttpRequest, group: str) -> bool:
    """Count this post as one of a flood; True past FLOOD_RATE or once FORM_RATE are stored."""
    flood = _usage(request, f"{group}-posts", FLOOD_RATE, increment=True)
    stored = _usage(request, group, FORM_RATE, increment=False)
    return bool(
        (flood and flood["should_limit"]) or (stored and stored["count"] >= stored["limit"])
    )


def count_submission(request: HttpRequest, group: str) -> None:
    """Count a valid post about to be stored against FORM_RATE."""
    _usage(request, group, FORM_RATE, increment=True)
