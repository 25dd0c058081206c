"""A change to an answer, from an Editor's draft to what families read, made by keyboard alone.

An Editor edits an answer and sends it for approval with a comment; a Publisher, signed in
separately, finds it on the admin home page, previews it, approves and publishes it. Only Tab,
Shift+Tab, Enter and Space move around, and focus must be visible at every stop. Tab must leave
every Markdown box without typing into it.
"""

import pytest
from django.core import mail
from playwright.sync_api import expect

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Leaflet, Question

from .staff_browser import focused, follow, make_staff, sign_in_by_keyboard, signed_in_context, tab_to

pytestmark = pytest.mark.browser

QUESTION = "How Long Will the Review Take?"
ADDED = "Most reviews now take about a year. "
COMMENT = "The review office asked for the new timescale."


@pytest.fixture
def editor(site_url):
    return make_staff("erin.editor", "Erin", "Editor")


@pytest.fixture
def publisher(site_url):
    return make_staff("pat.publisher", "Pat", "Publisher")


@pytest.fixture
def console_errors():
    """Errors the pages report in the console, from every context passed to watch()."""
    errors = []

    def watch(context):
        context.on("console", lambda message: message.type == "error" and errors.append(message.text))
        context.on("weberror", lambda error: errors.append(str(error.error)))
        return context

    watch.errors = errors
    return watch


def answer_families_read(new_context, site_url):
    page = new_context().new_page()
    page.goto(f"{site_url}/")
    text = page.get_by_role("region", name=QUESTION).inner_text()
    page.close()
    return text


def test_an_answer_goes_from_editor_to_families_by_keyboard_alone(
    new_context, site_url, editor, publisher, console_errors, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    question = Question.objects.get(question=QUESTION)
    original = question.answer

    # --- the Editor --------------------------------------------------------------------------
    erin = console_errors(new_context()).new_page()
    sign_in_by_keyboard(erin, site_url, editor)
    tab_to(erin, "Leaflets", exact=True)
    follow(erin, "Enter")
    tab_to(erin, Leaflet.objects.get().title)
    follow(erin, "Enter")
    tab_to(erin, f"Edit “{QUESTION}”")
    follow(erin, "Enter")
    expect(erin.get_by_role("heading", name=QUESTION, exact=True)).to_be_visible()

    tab_to(erin, "Answer:", exact=True)
    assert focused(erin)["insideMarkdown"], focused(erin)
    erin.keyboard.type(ADDED)
    # Tab and Shift+Tab leave the Markdown box and type nothing into it.
    erin.keyboard.press("Tab")
    assert not focused(erin)["insideMarkdown"], focused(erin)
    erin.keyboard.press("Shift+Tab")
    assert focused(erin)["insideMarkdown"]
    erin.keyboard.press("Shift+Tab")
    assert not focused(erin)["insideMarkdown"], focused(erin)
    assert "\t" not in erin.locator("textarea[name=answer]").input_value()

    tab_to(erin, "Send for approval")
    follow(erin, "Enter")
    expect(erin.get_by_role("heading", name=f"Send “{QUESTION}” for approval")).to_be_visible()
    tab_to(erin, "Comment for the Publishers")
    erin.keyboard.type(COMMENT)
    tab_to(erin, "Send to the Publishers")
    follow(erin, "Space")
    expect(erin.locator(".messagelist")).to_contain_text(f"Sent “{QUESTION}” for approval")
    expect(erin.locator(".status-line")).to_contain_text("Waiting for approval: sent by Erin Editor")

    # Saved as a draft: families still read the old answer.
    assert Question.objects.get(pk=question.pk).answer == ADDED + original
    assert ADDED.strip() not in answer_families_read(new_context, site_url)
    (email,) = mail.outbox
    assert email.to == ["pat.publisher@example.gov.uk"]
    assert COMMENT in email.body
    assert admin_url(question, "changes") in email.body

    # --- the Publisher, in a browser of their own -------------------------------------------
    pat = console_errors(new_context()).new_page()
    sign_in_by_keyboard(pat, site_url, publisher)
    waiting = pat.get_by_role("region", name="Waiting for your approval")
    expect(waiting).to_contain_text(QUESTION)
    expect(waiting).to_contain_text(COMMENT)
    tab_to(pat, f"Preview “{QUESTION}”")
    follow(pat, "Enter")
    banner = pat.get_by_role("region", name="Preview: not yet published")
    expect(banner).to_contain_text(COMMENT)
    expect(pat.get_by_role("region", name=QUESTION)).to_contain_text(ADDED.strip())

    tab_to(pat, "Approve and publish")
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text(f"Approved “{QUESTION}”: it is live now")
    expect(pat.get_by_role("region", name="Waiting for your approval")).to_contain_text(
        "Nothing is waiting for approval."
    )

    assert ADDED.strip() in answer_families_read(new_context, site_url)
    assert console_errors.errors == []


def test_a_publisher_sends_a_draft_back_with_a_comment_by_keyboard(
    new_context, site_url, editor, publisher, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from scr_site.leaflet.drafts import approval

    question = Question.objects.get(question=QUESTION)
    approval.send_for_approval(question, editor, "Please check the new timescale.")
    mail.outbox.clear()

    pat = signed_in_context(new_context, site_url, publisher).new_page()
    pat.goto(f"{site_url}{admin_url_index()}")
    tab_to(pat, "Send back with a comment")
    follow(pat, "Enter")
    tab_to(pat, "What needs to change")
    pat.keyboard.type("Say which office to call.")
    tab_to(pat, "Send back", exact=True)
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text(f"Sent “{QUESTION}” back")

    (email,) = mail.outbox
    assert email.to == ["erin.editor@example.gov.uk"]
    assert "Say which office to call." in email.body
    erin = signed_in_context(new_context, site_url, editor).new_page()
    erin.goto(f"{site_url}{admin_url_index()}")
    expect(erin.get_by_role("region", name="Your requests for approval")).to_contain_text(
        "Say which office to call."
    )


def admin_url_index():
    from django.urls import reverse

    return reverse("admin:index")


def test_tab_leaves_every_markdown_box_on_the_leaflet_form(new_context, site_url, publisher):
    leaflet = Leaflet.objects.get()
    page = signed_in_context(new_context, site_url, publisher).new_page()
    page.goto(site_url + admin_url(leaflet))
    boxes = page.locator(".markdownx textarea")
    before = [boxes.nth(i).input_value() for i in range(boxes.count())]
    assert len(before) == 3

    visited = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        now = focused(page)
        while now and now["insideMarkdown"] and now["id"] not in visited:
            visited.add(now["id"])
            page.keyboard.press("Tab")
            after = focused(page)
            assert after["id"] != now["id"], f"Tab stayed in {now['id']}"
            now = after
        if len(visited) == 3:
            break

    assert len(visited) == 3
    assert [boxes.nth(i).input_value() for i in range(boxes.count())] == before


def test_after_a_failed_save_focus_moves_to_a_summary_linking_to_each_field(new_context, site_url, publisher):
    from scr_site.leaflet.models import Board

    board = Board.objects.first()
    page = signed_in_context(new_context, site_url, publisher).new_page()
    page.goto(site_url + admin_url(board))
    page.locator("input[name=telephone]").fill("01480 37352")
    page.locator("input[name=email]").fill("not an email")
    page.get_by_role("button", name="Save draft").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    expect(links.first).to_contain_text("is not a complete UK telephone number")
    links.first.press("Enter")
    expect(page.locator("input[name=telephone]")).to_be_focused()


def test_pressing_enter_in_a_box_saves_a_draft(new_context, site_url, publisher):
    leaflet = Leaflet.objects.get()
    page = signed_in_context(new_context, site_url, publisher).new_page()
    page.goto(site_url + admin_url(leaflet))
    page.locator("input[name=title]").fill("Serious Case Reviews: information for families")
    page.locator("input[name=title]").press("Enter")

    expect(page.locator(".messagelist")).to_contain_text("as a draft")
    assert list(leaflet.questions.values_list("order", flat=True)) == [10, 20, 30, 40, 50, 60, 70]


def test_view_site_after_publishing_shows_the_new_text_without_a_reload(new_context, site_url, publisher):
    """A browser that had the page open sees a publication on its very next view."""
    question = Question.objects.get(question=QUESTION)
    context = signed_in_context(new_context, site_url, publisher)
    page = context.new_page()
    page.goto(f"{site_url}/")
    expect(page.get_by_role("region", name=QUESTION)).not_to_contain_text(ADDED.strip())

    page.goto(site_url + admin_url(question))
    answer = page.locator("textarea[name=answer]")
    answer.fill(ADDED + answer.input_value())
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("families can see it now")
    page.get_by_role("link", name="View site").click()

    expect(page.get_by_role("region", name=QUESTION)).to_contain_text(ADDED.strip())
