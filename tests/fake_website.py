"""A website on this machine for the link checker to visit; nothing in these tests reaches the internet."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from scr_site.leaflet.links import fetch as link_fetch
from scr_site.leaflet.models import GuidanceLink

SLOW_SECONDS = 2
SHORT_TIMEOUT = 0.5
# A server sending one byte every so often: each read is quick, the whole answer never comes.
DRIP_SECONDS = 0.1


class FakeWebsite(BaseHTTPRequestHandler):
    """Each path behaves like one kind of website a guidance link might lead to."""

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body):
        self.server.requests.append((self.command, self.path, dict(self.headers)))
        path = self.path
        if path == "/ok":
            self.reply(200, send_body=send_body)
        elif path == "/moved":
            self.reply(301, location="/ok")
        elif path == "/moved-for-now":
            self.reply(302, location=f"http://127.0.0.1:{self.server.server_port}/ok")
        elif path == "/moved-to-missing":
            self.reply(301, location="/missing")
        elif path == "/loop":
            self.reply(301, location="/loop")
        elif path == "/no-head":
            self.reply(405 if self.command == "HEAD" else 200, send_body=send_body)
        elif path == "/slow":
            # Waits on an event rather than sleeping, so the fixture can release it at teardown.
            self.server.release_slow.wait(SLOW_SECONDS)
            self.reply(200, send_body=send_body)
        elif path == "/server-error":
            self.reply(500, send_body=send_body)
        elif path == "/needs-a-cookie":
            if "visited=yes" in self.headers.get("Cookie", ""):
                self.reply(200, send_body=send_body)
            else:
                self.reply(302, location="/needs-a-cookie", cookie="visited=yes")
        elif path == "/to-metadata":
            self.reply(302, location="http://169.254.169.254/latest/meta-data/")
        elif path == "/to-this-machine":
            # Another address of this machine, which the tests do not treat as the website's.
            self.reply(302, location=f"http://127.0.0.2:{self.server.server_port}/ok")
        elif path == "/a-byte-at-a-time":
            self.drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 200)
        else:
            self.reply(404, send_body=send_body)

    def reply(self, status, location=None, send_body=False, cookie=None):
        body = f"<p>{status}</p>".encode()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        if cookie:
            self.send_header("Set-Cookie", f"{cookie}; Path=/")
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def drip(self, data):
        for byte in data:
            if self.server.release_slow.wait(DRIP_SECONDS):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def log_message(self, format, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The slow page writes to a connection the checker already gave up on; that is expected.
        pass


@pytest.fixture(autouse=True)
def test_website_address(request, monkeypatch):
    """The test website runs on this machine: the checker may visit 127.0.0.1 in these tests only.

    Tests of the real rules ask for `public_addresses_only`.
    """
    if "public_addresses_only" not in request.fixturenames:
        monkeypatch.setattr(link_fetch, "is_public_address", lambda address: address == "127.0.0.1")


@pytest.fixture
def public_addresses_only():
    pass


@pytest.fixture
def website(monkeypatch):
    """A website on this machine; nothing in these tests reaches the internet."""
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    server = QuietServer(("127.0.0.1", 0), FakeWebsite)
    server.requests = []
    server.release_slow = threading.Event()
    server.base = f"http://127.0.0.1:{server.server_port}"
    # A short poll keeps shutdown quick; daemon threads mean a stuck handler cannot hang the test run.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.release_slow.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def closed_port():
    """A port nothing listens on, so connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_link(url, **fields):
    return GuidanceLink.objects.create(
        title=fields.pop("title", "Working Together"),
        url=url,
        description=fields.pop("description", "What agencies must do."),
        order=fields.pop("order", 1),
        **fields,
    )


def run_check_links(*args):
    out = StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()
