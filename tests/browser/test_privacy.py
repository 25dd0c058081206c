"""Families may be reading this on a shared or watched device: the site must leave no trace and
tell no one else that they visited."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import WIDTH_IDS, WIDTHS
from tests.conftest import PUBLIC_PATHS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_visiting_a_page_stores_nothing_and_contacts_no_other_site(new_context, site_url, path, width):
    own_origin = urlsplit(site_url)[:2]
    context = new_context(width)
    requested = []
    # On the context, not the page, so that workers and anything a page opens are counted too.
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")

    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url)[:2] != own_origin
    ]
    assert requested, f"{path}: no requests were seen at all"
    assert not elsewhere, f"{path} at {width}px asked other sites for: {elsewhere}"

    # Hints that make the browser look up or connect to another site before anyone clicks.
    hints = page.evaluate(
        """() => {
          const rels = ["preconnect", "dns-prefetch", "prefetch", "prerender", "preload", "modulepreload"];
          return [...document.querySelectorAll(rels.map((rel) => `link[rel~="${rel}"]`).join(","))]
            .filter((el) => new URL(el.getAttribute("href") || "", location.href).origin !== location.origin)
            .map((el) => el.outerHTML);
        }"""
    )
    assert not hints, f"{path}: resource hints to other sites: {hints}"

    stored = context.storage_state()
    assert stored["cookies"] == [], f"{path} set cookies: {stored['cookies']}"
    assert stored["origins"] == [], f"{path} stored data in the browser: {stored['origins']}"
    session = page.evaluate("() => Object.keys(sessionStorage)")
    assert session == [], f"{path} stored data in sessionStorage: {session}"
