"""A public page is cached and served to everyone: nothing one visitor sends may appear in it."""

import re

import pytest
from django.core.cache import cache

from scr_site import saved_pages

from .conftest import PUBLIC_PATHS
from .helpers import page, text_of

pytestmark = pytest.mark.django_db

# What a visitor controls, beyond the Host and Accept-Encoding headers the cache keys on.
QUERY_STRINGS = ["?For-help-call-07700-900123", "?q=%3Cscript%3Ealert(1)%3C/script%3E", "?utm_source=email"]
HEADERS = {
    "user-agent": "For help call 07700 900123",
    "accept-language": "pl",
    "accept": "application/json",
    "cookie": "sessionid=For-help-call-07700-900123",
    "referer": "https://evil.example/For-help-call-07700-900123",
    "x-forwarded-for": "203.0.113.9",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "forwarded": "for=203.0.113.9;host=evil.example;proto=https",
    "authorization": "Basic Zm9yLWhlbHA6MDc3MDA=",
    "dnt": "1",
}


def built_afresh(client, path, **kwargs):
    """The page as a request with these details builds it, with nothing served from the cache.

    The feedback form's token is signed with the second it was made, so it is set aside.
    """
    cache.clear()
    saved_pages.local_copies.clear()
    return re.sub(rb'name="token" value="[^"]*"', b'name="token"', client.get(path, **kwargs).content)


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_no_public_page_depends_on_the_query_string(client, leaflet_content, path):
    plain = built_afresh(client, path)
    for query in QUERY_STRINGS:
        assert built_afresh(client, path + query) == plain, query


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_no_public_page_depends_on_any_header_but_host_and_accept_encoding(client, leaflet_content, path):
    plain = built_afresh(client, path)
    for name, value in HEADERS.items():
        assert built_afresh(client, path, headers={name: value}) == plain, name
    assert built_afresh(client, path, secure=True) == plain, "https"


def test_a_query_string_one_visitor_sent_never_reaches_the_next(client, leaflet_content):
    client.get("/?For-help-call-07700-900123")
    assert "07700" not in text_of(page(client.get("/")))


def test_the_printed_address_is_the_sites_own(client, leaflet_content, settings):
    settings.SITE_URL = "https://scr.example.gov.uk"
    footer = page(client.get("/privacy/?For-help-call-07700-900123")).select_one(".print-footer")
    assert "This page: https://scr.example.gov.uk/privacy/" in text_of(footer)
    assert "07700" not in text_of(footer)
