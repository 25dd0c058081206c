"""The Content Security Policy must hold on every page, the staff editor included, with nothing broken."""

import pytest
from django.contrib.auth import get_user_model

from scr_site.leaflet.models import Leaflet

from ..conftest import PUBLIC_PATHS

pytestmark = pytest.mark.browser

# Recorded by the browser itself, before any page script runs, so nothing can hide a violation.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched(new_context):
    """A page that records policy violations and console errors."""

    def make(width=1280):
        page = new_context(width).new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.console_errors = []
        page.on(
            "console",
            lambda message: page.console_errors.append(message.text) if message.type == "error" else None,
        )
        return page

    return make


def violations(page):
    return page.evaluate("window.__cspViolations") + [
        error for error in page.console_errors if "Content Security Policy" in error
    ]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_breaks_no_rule_of_the_policy(watched, site_url, path):
    page = watched()
    response = page.goto(site_url + path)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert violations(page) == []


def test_staff_editor_with_live_preview_works_under_the_policy(watched, site_url):
    get_user_model().objects.create_superuser("editor", "editor@example.gov.uk", "a-long-password-1")
    page = watched()
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site_url}/admin/")

    leaflet = Leaflet.objects.get(is_home_page=True)
    response = page.goto(f"{site_url}/admin/leaflet/leaflet/{leaflet.pk}/change/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    editor = page.locator("textarea[name=introduction]")
    editor.fill("A **new** introduction.")
    # The editor's preview is fetched from the server and shown beside the text.
    preview = page.locator(".markdownx-preview").first
    preview.locator("strong", has_text="new").wait_for()
    assert violations(page) == []
    assert page.console_errors == []
