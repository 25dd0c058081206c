"""The outage page as families meet it while the database is down: accessible, within the policy."""

from unittest import mock

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import OperationalError

from scr_site import outage, saved_pages
from tests.browser.conftest import WIDTH_IDS, WIDTHS
from tests.browser.test_accessibility import AXE_OPTIONS, describe_violations
from tests.browser.test_content_security_policy import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser


@pytest.fixture
def database_down(site_url, settings, tmp_path):
    """The outage page written at a publication, then every query failing, the live server's too."""
    settings.OUTAGE_PAGE_FILE = tmp_path / "outage.html"
    outage.publish()
    saved_pages.local_copies.clear()
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("connection refused")
    ):
        yield site_url


def open_outage_page(new_context, url, width=1280, **options):
    page = new_context(width, **options).new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    broken = []

    def note_broken(response):
        if response.status >= 400 and response.request.resource_type != "document":
            broken.append(response.url)

    page.on("response", note_broken)
    response = page.goto(url + "/privacy/", wait_until="load")
    assert response.status == 503
    assert page.get_by_role("heading", level=1).inner_text() == "Sorry, we're having problems"
    assert not broken, f"files the outage page uses did not load: {broken}"
    return page


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_axe_finds_no_accessibility_violations_on_the_outage_page(new_context, database_down, width):
    page = open_outage_page(new_context, database_down, width)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe-core found problems on the outage page:\n{describe_violations(violations)}"


def test_the_outage_page_breaks_no_rule_of_the_policy(new_context, database_down):
    page = open_outage_page(new_context, database_down)
    assert page.evaluate("window.__cspViolations") == []


def test_without_javascript_the_exit_button_is_the_first_thing_after_the_skip_link(
    new_context, database_down
):
    page = open_outage_page(new_context, database_down, java_script_enabled=False)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.exitLink") == ""
    assert page.evaluate("document.activeElement.getAttribute('href')") == "https://www.bbc.co.uk/weather"
