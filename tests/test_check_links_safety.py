"""The link checker visits only the public internet, and each check ends on time.

Staff type the addresses it visits, so it must never become a way to reach the site's
own machine or network (server-side request forgery), nor be held up by a slow server.
"""

import socket
import threading
import time
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from scr_site.leaflet.links import fetch as link_fetch
from scr_site.leaflet.links.checker import NOT_PUBLIC, check_link
from scr_site.leaflet.validators import http_url_validator
from scr_site.public_addresses import is_public_address

from . import fake_website
from .fake_website import SHORT_TIMEOUT, make_link, run_check_links

pytestmark = pytest.mark.django_db

# The test website and its fixtures (tests/fake_website.py).
public_addresses_only = fake_website.public_addresses_only
test_website_address = fake_website.test_website_address
website = fake_website.website

INTERNAL_ADDRESSES = [
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://localhost/",
    "http://10.0.0.1/",
    "http://192.168.1.1/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/",
    # The same loopback address written as one number, which the name look-up understands.
    "http://2130706433/",
]


@pytest.mark.parametrize("url", INTERNAL_ADDRESSES)
def test_an_internal_address_is_broken_without_being_visited(public_addresses_only, url):
    with mock.patch("socket.create_connection", side_effect=AssertionError("connected")) as connect:
        result = check_link(url, timeout=5)
    assert connect.call_count == 0
    assert result.broken
    assert result.status is None
    assert result.problem == NOT_PUBLIC


def test_the_test_website_itself_is_not_visited_under_the_real_rules(public_addresses_only, website):
    result = check_link(f"{website.base}/ok", timeout=5)
    assert result.problem == NOT_PUBLIC
    assert website.requests == []


def test_a_redirect_to_a_metadata_service_is_not_followed(website):
    result = check_link(f"{website.base}/to-metadata", timeout=5)
    assert result.broken
    assert result.final_url == "http://169.254.169.254/latest/meta-data/"
    assert result.problem == f"{NOT_PUBLIC}, after redirecting to http://169.254.169.254/latest/meta-data/"


def test_every_step_of_a_redirect_is_looked_up_and_checked(website):
    result = check_link(f"{website.base}/to-this-machine", timeout=5)
    assert result.broken
    assert result.problem.startswith(NOT_PUBLIC)
    assert [path for _, path, _ in website.requests] == ["/to-this-machine"]


def fake_dns(monkeypatch, answers):
    """Names the tests invent, answered with `answers[name]()`; every other name is looked up as usual."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in answers[host]()
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_name_with_any_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(link_fetch, "is_public_address", is_public_address)
    fake_dns(monkeypatch, {"mixed.example": lambda: ["8.8.8.8", "10.0.0.1"]})
    with mock.patch("socket.create_connection", side_effect=AssertionError("connected")) as connect:
        result = check_link("http://mixed.example/", timeout=5)
    assert connect.call_count == 0
    assert result.problem == NOT_PUBLIC


def test_the_checker_connects_to_the_address_it_checked_not_a_second_answer(monkeypatch, website):
    # A hostile name server answers the check with an allowed address, and the connection with another.
    answers = iter([["127.0.0.1"], ["10.0.0.1"], ["10.0.0.1"]])
    fake_dns(monkeypatch, {"guidance.example": lambda: next(answers)})
    result = check_link(f"http://guidance.example:{website.server_port}/ok", timeout=5)
    assert result.status == 200
    assert not result.broken
    # Sent to the checked address, for the name asked for.
    assert website.requests[0][2]["Host"] == f"guidance.example:{website.server_port}"


def test_the_timeout_covers_the_whole_check_however_slowly_a_server_answers(website):
    started = time.monotonic()
    result = check_link(f"{website.base}/a-byte-at-a-time", timeout=SHORT_TIMEOUT)
    # Every byte came in well within the timeout; the whole answer would have taken over 20 seconds.
    assert time.monotonic() - started < 4 * SHORT_TIMEOUT
    assert result.broken
    assert result.problem == "The website did not answer within 0.5 seconds"


def test_the_timeout_covers_looking_the_name_up(monkeypatch):
    released = threading.Event()

    def slow():
        released.wait(10)
        return ["8.8.8.8"]

    fake_dns(monkeypatch, {"slow-dns.example": slow})
    started = time.monotonic()
    try:
        result = check_link("http://slow-dns.example/", timeout=SHORT_TIMEOUT)
    finally:
        released.set()
    assert time.monotonic() - started < 4 * SHORT_TIMEOUT
    assert result.problem == "The website did not answer within 0.5 seconds"


def test_draft_links_are_checked_so_editors_hear_of_a_broken_link_before_publishing(website):
    # Never published: only the draft row exists.
    draft = make_link(f"{website.base}/missing", title="Draft guidance")
    run_check_links("--timeout", "5")
    draft.refresh_from_db()
    assert draft.link_problem == "The page was not found (404)"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://[::1]/",
        "http://localhost/",
        "http://www.localhost/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_staff_cannot_save_a_web_address_on_a_local_network(url):
    with pytest.raises(ValidationError) as refused:
        http_url_validator(url)
    assert refused.value.code == "local_address"
    assert "Enter an address on the public internet that families can open." in refused.value.messages[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
        "https://www.bbc.co.uk/weather",
        "http://8.8.8.8/",
    ],
)
def test_staff_can_save_a_public_web_address(url):
    http_url_validator(url)


@pytest.mark.parametrize(
    "address, public",
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.0.1", False),
        ("100.64.0.1", False),
        ("169.254.169.254", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),
        ("64:ff9b::a00:1", False),
        ("64:ff9b::808:808", True),
    ],
)
def test_which_addresses_are_public(address, public):
    assert is_public_address(address) is public
