"""A Publisher approving a draft that changed after they opened it, by keyboard alone.

The Editor sends an answer for approval; the Publisher opens the preview; the Editor then
saves more words. Approve must publish nothing, say why with focus on the explanation, and
show the words added since it was sent; the Publisher reviews them, ticks that they have, and
approves the draft as it is now. axe checks the review page in both states.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from scr_site.leaflet.drafts import approval
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.models import Leaflet, Question

from .staff_browser import focused, follow, make_staff, signed_in_context, tab_to
from .test_accessibility import AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.browser

QUESTION = "How Long Will the Review Take?"
SENT = "Most reviews now take about a year."
SNEAKED_IN = "SNEAKED-IN: nobody reviewed this sentence."


def families_read(new_context, site_url):
    page = new_context().new_page()
    page.goto(f"{site_url}/")
    text = page.get_by_role("region", name=QUESTION).inner_text()
    page.close()
    return text


def test_a_draft_changed_after_the_preview_was_opened_is_not_published(new_context, site_url):
    editor = make_staff("erin.editor", "Erin", "Editor")
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    question = Leaflet.objects.get().questions.get(question=QUESTION)
    question.answer = SENT
    question.save()
    approval.send_for_approval(question, editor, "The review office asked for the new timescale.")

    pat = signed_in_context(new_context, site_url, publisher).new_page()
    pat.goto(site_url + preview_url(question))
    # The Editor saves more words while the Publisher is reading.
    question = Question.objects.get(pk=question.pk)
    question.answer = f"{SENT} {SNEAKED_IN}"
    question.save()

    tab_to(pat, "Approve and publish")
    follow(pat, "Enter")

    summary = pat.locator(".error-summary")
    expect(summary).to_contain_text("nothing has been published")
    expect(summary).to_contain_text("changed since you opened it")
    assert focused(pat)["tag"] == "div" and "error-summary" in pat.evaluate(
        "document.activeElement.className"
    )
    since_sent = pat.get_by_role("region", name="Changed since it was sent for approval")
    expect(since_sent.locator("ins")).to_contain_text("SNEAKED-IN")
    assert SNEAKED_IN not in families_read(new_context, site_url)
    violations = Axe().run(pat, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe_violations(violations)

    # Reviewed again: tick, then approve what is there now.
    tab_to(pat, "I have reviewed the changes made since it was sent")
    pat.keyboard.press("Space")
    tab_to(pat, "Approve and publish")
    follow(pat, "Enter")

    expect(pat.locator(".messagelist")).to_contain_text(f"Approved “{QUESTION}”: it is live now")
    assert SNEAKED_IN in families_read(new_context, site_url)


def test_approving_without_the_tick_after_a_change_publishes_nothing(new_context, site_url):
    editor = make_staff("erin.editor", "Erin", "Editor")
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    question = Leaflet.objects.get().questions.get(question=QUESTION)
    approval.send_for_approval(question, editor)
    question.answer = SNEAKED_IN
    question.save()

    pat = signed_in_context(new_context, site_url, publisher).new_page()
    pat.goto(site_url + preview_url(question))
    tab_to(pat, "See what changed before approving")
    follow(pat, "Enter")
    violations = Axe().run(pat, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe_violations(violations)
    tab_to(pat, "Approve and publish")
    follow(pat, "Enter")

    expect(pat.locator(".error-summary")).to_contain_text(
        "has changed since Erin Editor sent it for approval"
    )
    assert SNEAKED_IN not in families_read(new_context, site_url)
