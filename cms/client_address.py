"""The visitor's address, read the same way by the login lockout and every rate limit."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind N trusted proxies the address the outermost one saw.

    Each trusted proxy appends the address it was connected from to X-Forwarded-For, so the
    client is the Nth entry from the right; anything further left was sent by the client
    itself and is never trusted (rotating it must not dodge a lockout or a rate limit).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
