"""Sending feedback in a real browser: without JavaScript, in place with it, by keyboard, for everyone."""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from scr_site.feedback.models import ProblemReport, UsefulnessAnswer
from tests.browser.conftest import WIDTH_IDS, WIDTHS, format_rows, tab_through
from tests.browser.test_accessibility import AXE_OPTIONS, describe_violations
from tests.browser.test_content_security_policy import RECORD_VIOLATIONS
from tests.feedback_helpers import token_made

pytestmark = pytest.mark.browser

THANKS = "Thank you for your feedback"
EXPIRED = token_made("/", 3 * 24 * 60 * 60)
REPORT = "The answer about who sees the report is hard to follow. Call me on 07700 900123."
SCRUBBED = "The answer about who sees the report is hard to follow. Call me on [phone number removed]."


def no_cookies_or_storage(context):
    stored = context.storage_state()
    return stored["cookies"] == [] and stored["origins"] == []


def open_problem_form(page):
    page.get_by_role("link", name="Report a problem with this page").click()
    box = page.get_by_label("What is wrong with this page?")
    box.wait_for(state="visible")
    return box


# --- without JavaScript --------------------------------------------------------------------------


def test_without_javascript_yes_leads_to_a_thank_you_page_and_back(new_context, site_url):
    context = new_context(1280, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/privacy/")
    page.get_by_role("button", name="Yes this page is useful").click()
    page.wait_for_url(re.compile(r"/feedback/thank-you/"))
    assert page.get_by_role("heading", level=1).inner_text() == THANKS
    page.get_by_role("link", name="Go back to the page you were reading").click()
    page.wait_for_url(f"{site_url}/privacy/")
    assert list(UsefulnessAnswer.objects.values_list("page", "useful")) == [("/privacy/", True)]
    assert no_cookies_or_storage(context)


def test_without_javascript_the_problem_link_opens_the_form_and_the_report_is_sent(new_context, site_url):
    context = new_context(320, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/")
    box = open_problem_form(page)
    assert page.get_by_text("This form is not for urgent help.").is_visible()
    box.fill(REPORT)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/feedback/thank-you/"))
    assert page.get_by_role("heading", level=1).inner_text() == THANKS
    assert list(ProblemReport.objects.values_list("page", "text")) == [("/", SCRUBBED)]
    assert no_cookies_or_storage(context)


def test_without_javascript_an_over_long_report_comes_back_to_be_shortened(new_context, site_url):
    page = new_context(1280, java_script_enabled=False).new_page()
    page.goto(f"{site_url}/")
    open_problem_form(page).fill("x" * 1001)
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your feedback was not sent"
    assert page.get_by_text("Your message must be 1,000 characters or fewer. It has 1,001.").is_visible()
    box = page.get_by_label("What is wrong with this page?")
    box.fill("x" * 1000)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/feedback/thank-you/"))
    assert ProblemReport.objects.count() == 1


# --- with JavaScript -----------------------------------------------------------------------------


@pytest.fixture
def watched_page(new_context, site_url):
    context = new_context(1280)
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{site_url}/")
    return context, page


def test_with_javascript_yes_is_answered_in_place_in_the_live_region(watched_page, site_url):
    context, page = watched_page
    status = page.locator("[data-feedback-status]")
    assert status.get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="No this page is not useful").click()
    page.get_by_role("status").filter(has_text=THANKS).wait_for()
    assert page.url == f"{site_url}/"
    assert status.inner_text() == THANKS
    assert not page.get_by_role("button", name="No this page is not useful").is_visible()
    # Focus is not lost with the hidden buttons: it moves to the message.
    assert page.evaluate("document.activeElement.hasAttribute('data-feedback-status')")
    assert list(UsefulnessAnswer.objects.values_list("page", "useful")) == [("/", False)]
    assert page.evaluate("window.__cspViolations") == []
    assert no_cookies_or_storage(context)


def test_with_javascript_a_problem_report_is_sent_in_place(watched_page, site_url):
    context, page = watched_page
    open_problem_form(page).fill(REPORT)
    page.get_by_role("button", name="Send").click()
    page.get_by_role("status").filter(has_text=THANKS).wait_for()
    assert page.url == f"{site_url}/#report-a-problem"
    assert not page.get_by_label("What is wrong with this page?").is_visible()
    assert list(ProblemReport.objects.values_list("text", flat=True)) == [SCRUBBED]
    assert page.evaluate("window.__cspViolations") == []
    assert no_cookies_or_storage(context)


def test_with_javascript_a_refusal_is_said_in_place_and_the_words_are_kept(watched_page):
    _, page = watched_page
    box = open_problem_form(page)
    box.fill("y" * 1001)
    page.get_by_role("button", name="Send").click()
    page.get_by_role("status").filter(has_text="Your message must be 1,000 characters or fewer").wait_for()
    assert box.input_value() == "y" * 1001
    assert not ProblemReport.objects.exists()


def test_with_javascript_a_lost_connection_is_explained(watched_page):
    _, page = watched_page
    page.route("**/feedback/useful/", lambda route: route.abort())
    page.get_by_role("button", name="Yes this page is useful").click()
    page.get_by_role("status").filter(has_text="Check your internet connection").wait_for()
    assert page.get_by_role("button", name="Yes this page is useful").is_visible()


def test_a_keyboard_user_can_open_fill_and_send_the_problem_form(new_context, site_url):
    page = new_context(320).new_page()
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Report a problem with this page").focus()
    page.keyboard.press("Enter")
    # Tab moves on from the form the link opened, not from the top of the page.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "text":
            break
    page.keyboard.type("Question 6 is hard to follow.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send"
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text=THANKS).wait_for()
    assert list(ProblemReport.objects.values_list("text", flat=True)) == ["Question 6 is hard to follow."]


# --- accessibility of the form and of the pages it leads to --------------------------------------


def axe_violations(page):
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
@pytest.mark.parametrize("path", ["/", "/privacy/"])
def test_axe_finds_no_violations_with_the_problem_form_open(open_page, path, width):
    page = open_page(f"{path}#report-a-problem", width)
    assert page.get_by_label("What is wrong with this page?").is_visible()
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found problems on {path} with the form open:\n{describe_violations(violations)}"
    )


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
@pytest.mark.parametrize("outcome", ["thank-you", "refused", "expired"])
def test_axe_finds_no_violations_on_the_pages_a_post_leads_to(new_context, site_url, width, outcome):
    page = new_context(width).new_page()
    page.goto(f"{site_url}/")
    box = open_problem_form(page)
    box.fill("z" * 1001 if outcome == "refused" else "The contacts are out of date.")
    form = page.locator("form.feedback__problem-form")
    if outcome == "expired":
        form.locator("input[name=token]").evaluate("(input, token) => { input.value = token; }", EXPIRED)
    # Sent as a browser without JavaScript sends it (submit() skips site.js), so the page it leads
    # to is shown; axe itself needs JavaScript to run.
    with page.expect_navigation():
        form.evaluate("form => form.submit()")
    expected = THANKS if outcome == "thank-you" else "Your feedback was not sent"
    assert page.get_by_role("heading", level=1).inner_text() == expected
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found problems on the {outcome} page:\n{describe_violations(violations)}"
    )


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_the_open_form_has_a_visible_focus_style_on_every_control(open_page, width):
    page = open_page("/#report-a-problem", width)
    _, stops = tab_through(page)
    in_form = [stop for stop in stops if "feedback" in stop["element"] or "#problem-text" in stop["element"]]
    reached = {stop["element"].split(" > ")[-1] for stop in in_form}
    assert {"textarea#problem-text", "button.feedback__button"} <= reached, reached
    weak = [
        f"{stop['element']} {stop['text']!r}"
        for stop in in_form
        if not any(
            part["thickness"] >= 2 and part["ratio"] >= 3 for part in stop["indicator"].get("parts", [])
        )
    ]
    assert not weak, f"at {width}px, focus indicator below 3:1:\n{format_rows(weak)}"


def test_the_printed_leaflet_has_no_feedback_forms(open_page):
    page = open_page("/#report-a-problem")
    page.emulate_media(media="print")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    squashed = re.sub(r"\s+", "", text)
    for words in ("Is this page useful?", "Report a problem with this page", "What is wrong with this page?"):
        assert re.sub(r"\s+", "", words) not in squashed
