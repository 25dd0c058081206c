"""The visitor's real address, for sign-in lockouts and anything else that limits by address.

Behind PROXY_COUNT proxies, each proxy appends the address it was reached from to
X-Forwarded-For, so the visitor's address is the PROXY_COUNT-th entry from the end.
Entries before it came from the visitor, who can write anything there, so they are never
read. With no proxies, X-Forwarded-For is ignored altogether.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address the nearest trusted proxy saw the request come from."""
    direct = request.META.get("REMOTE_ADDR", "")
    if settings.PROXY_COUNT <= 0:
        return direct
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < settings.PROXY_COUNT:
        # Not sent through every proxy (a health check, or a request from inside): the sender is the visitor.
        return direct
    try:
        return _address(entries[-settings.PROXY_COUNT])
    except ValueError:
        # A proxy that wrote something other than an address: judge the request by who sent it.
        return direct


def _address(entry):
    """An address as proxies write it, with or without a port: 192.0.2.1, 192.0.2.1:443, [2001:db8::1]:443."""
    if entry.startswith("["):
        entry = entry[1:].partition("]")[0]
    elif entry.count(":") == 1:
        entry = entry.partition(":")[0]
    return str(ipaddress.ip_address(entry))
