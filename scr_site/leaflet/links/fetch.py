"""One request of the link checker, made so it cannot be turned against the site's own network.

The host is looked up here, every address it has must be public (scr_site/public_addresses.py),
and the connection goes to the address that was checked, never to a second look-up of the
name (which a hostile DNS server could answer differently). Everything, the look-up
included, shares one deadline: a server that answers a byte at a time is cut off when it
passes, however often it sends.
"""

import contextlib
import http.client
import socket
import threading
import time
import urllib.parse
import urllib.request

from scr_site.public_addresses import is_public_address


class NotPublic(Exception):
    """The web address leads to a private or local network address."""

    def __init__(self, host, address):
        super().__init__(f"{host} is at {address}, which is not on the public internet")


class Deadline:
    def __init__(self, seconds):
        self.seconds = seconds
        self._at = time.monotonic() + seconds

    def remaining(self):
        left = self._at - time.monotonic()
        if left <= 0:
            raise TimeoutError("the deadline passed")
        return left

    @property
    def passed(self):
        return time.monotonic() >= self._at


def resolve(host, port, deadline):
    """The addresses `host` has, all public, looked up within the deadline."""
    found = {}

    def look_up():
        try:
            found["addresses"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as error:
            found["error"] = error

    # getaddrinfo has no timeout of its own.
    thread = threading.Thread(target=look_up, daemon=True)
    thread.start()
    thread.join(deadline.remaining())
    if thread.is_alive():
        raise TimeoutError("the name look-up did not finish")
    if "error" in found:
        raise found["error"]
    addresses = list(dict.fromkeys(info[4][0] for info in found["addresses"]))
    for address in addresses:
        # All or nothing: a name with one private address among public ones is refused.
        if not is_public_address(address):
            raise NotPublic(host, address)
    return addresses


def _pinned(connection_class, address):
    class Pinned(connection_class):
        """Connects to `address`, while the Host header and the TLS certificate check use the name."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = self._connect_to_checked_address

        def _connect_to_checked_address(self, where, timeout, source_address):
            return socket.create_connection((address, where[1]), timeout, source_address)

    return Pinned


def fetch(url, method, headers, cookies, deadline):
    """Ask for `url` once: (status, Location header). The body is never read."""
    # Only for its cookie handling and its reading of the address: it is never opened.
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve(parts.hostname, port, deadline)[0]
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = _pinned(connection_class, address)(parts.hostname, port, timeout=deadline.remaining())
    cookies.add_cookie_header(request)
    if request.unredirected_hdrs.get("Cookie"):
        headers = {**headers, "Cookie": request.unredirected_hdrs["Cookie"]}
    watchdog = threading.Timer(deadline.remaining(), _cut, [connection])
    watchdog.start()
    try:
        connection.request(method, request.selector, headers=headers)
        response = connection.getresponse()
        cookies.extract_cookies(response, request)
        return response.status, response.headers.get("Location")
    except (OSError, http.client.HTTPException):
        if deadline.passed:
            raise TimeoutError("the deadline passed") from None
        raise
    finally:
        watchdog.cancel()
        connection.close()


def _cut(connection):
    """At the deadline: whatever the connection is waiting for, it stops waiting."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
