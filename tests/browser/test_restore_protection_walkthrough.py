"""A restore over an Editor's sent-back draft, by keyboard alone: warned, refused without the tick, then told.

The reported fault: a Publisher restored a leaflet version from 17:04. It replaced an Editor's
sent-back draft of "Who Will See the Report?". The restore page said only "Changed", under a
column headed "Now", and the Editor's home page still said "Sent back … Edit it". Here Pat reaches
the history and opens the earlier version's restore page by Tab and Enter. Pat reads the warning
that names Erin's draft, presses Restore without the tick and lands on the error summary. Pat
then ticks with Space, restores, compares and publishes. axe checks the marked history, the
restore page in both states and Erin's home page, which says what happened.
"""

import re

import pytest
import reversion
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts import approval
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import ApprovalRequest, Leaflet, Question

from .staff_browser import focused, follow, make_staff, sign_in_by_keyboard, signed_in_context, tab_to
from .test_accessibility import AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.browser

WHO = "Who Will See the Report?"
HOW_LONG = "How Long Will the Review Take?"
ERINS_DRAFT = "Only the review panel and the families who took part will see the full report."


def save_as(user, row, **values):
    """Save a row as the admin does: one new version in its history, by `user`."""
    with reversion.create_revision():
        reversion.set_user(user)
        for name, value in values.items():
            setattr(row, name, value)
        row.save()


def no_axe_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe_violations(violations)


@pytest.fixture
def sent_back_draft(site_url):
    """Pat publishes a change (the version Pat will restore); Erin drafts WHO, sends it; Pat sends it back."""
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    editor = make_staff("erin.editor", "Erin", "Editor")
    leaflet = Leaflet.objects.get()
    save_as(publisher, Question.objects.get(question=HOW_LONG), answer="It usually takes about a year.")
    publish_item(leaflet, publisher)
    who = Question.objects.get(question=WHO)
    save_as(editor, who, answer=ERINS_DRAFT)
    request = approval.send_for_approval(who, editor, "New wording for who sees the report.")
    approval.send_back(request, publisher, "Say who decides who sees it.")
    mail.outbox.clear()
    return publisher, editor, leaflet, who


def test_a_publisher_is_stopped_from_replacing_an_editors_draft_unawares_by_keyboard(
    new_context, site_url, sent_back_draft
):
    publisher, editor, leaflet, who = sent_back_draft
    pat = new_context().new_page()
    sign_in_by_keyboard(pat, site_url, publisher)

    # --- reach the leaflet's history and open the restore page of the version before Erin's ----
    tab_to(pat, "Leaflets", exact=True)
    follow(pat, "Enter")
    tab_to(pat, leaflet.title)
    follow(pat, "Enter")
    tab_to(pat, "History", exact=True)
    follow(pat, "Enter")
    rows = pat.locator("#change-history tbody tr")
    expect(rows.nth(0)).to_contain_text("Current draft")
    expect(rows.nth(0)).to_contain_text(f"Changed: {WHO}")
    expect(rows.nth(1)).to_contain_text("Live now")
    no_axe_violations(pat)
    tab_to(pat, "Restore this version")  # the newest is the current draft: the first link is the one before
    follow(pat, "Enter")

    # --- the warning names Erin's draft, and the current column says whose it is ---------------
    warning = pat.get_by_role("region", name="This replaces other people's unpublished work")
    expect(warning).to_contain_text(f"Replaces Erin Editor's unpublished draft of “{WHO}”, saved ")
    expect(warning).to_contain_text("sent back")
    expect(warning).to_contain_text(f"Erin Editor's request for approval of “{WHO}”")
    expect(
        pat.get_by_role("columnheader", name=re.compile(r"^Current draft: Erin Editor's unpublished work"))
    ).to_be_visible()
    expect(pat.get_by_role("columnheader", name="Now", exact=True)).to_have_count(0)
    no_axe_violations(pat)

    # --- without the tick: refused, focus on the error summary, nothing saved -----------------
    tab_to(pat, "Restore as a draft")
    follow(pat, "Enter")
    summary = pat.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem: nothing has been changed")
    expect(summary).to_contain_text(f"Erin Editor's unpublished draft of “{WHO}”")
    assert Question.objects.get(pk=who.pk).answer == ERINS_DRAFT
    no_axe_violations(pat)

    # --- the summary's link leads to the tick; Space ticks it; restore -------------------------
    tab_to(pat, "Restoring replaces Erin Editor's")
    pat.keyboard.press("Enter")
    tick = focused(pat)
    assert tick["name"].startswith("Yes, replace this draft: Erin Editor will be told"), tick
    assert tick["visible"], f"focus cannot be seen on {tick}"
    pat.keyboard.press("Space")
    expect(pat.locator("#id_replace_drafts")).to_be_checked()
    tab_to(pat, "Restore as a draft")
    follow(pat, "Enter")
    messages = pat.locator(".messagelist")
    expect(messages).to_contain_text(f"Restored “{leaflet.title}” as a draft")
    expect(messages).to_contain_text("It replaced unpublished work by Erin Editor")
    assert Question.objects.get(pk=who.pk).answer != ERINS_DRAFT
    assert ApprovalRequest.objects.get().state == ApprovalRequest.State.CLOSED
    assert [email.to for email in mail.outbox] == [[editor.email]]

    # --- compare: Erin's text is in the earlier column, kept in the history ---------------------
    tab_to(pat, "History", exact=True)
    follow(pat, "Enter")
    tab_to(pat, "Compare the chosen versions")
    follow(pat, "Enter")
    expect(pat.locator("#content-main")).to_contain_text(f"Changed: {WHO}")
    expect(pat.locator("ul.question-changes tr.diff-changed td").first).to_contain_text(ERINS_DRAFT)

    # --- publish the restored version ------------------------------------------------------
    tab_to(pat, leaflet.title, backwards=True)
    follow(pat, "Enter")
    tab_to(pat, "Publish", exact=True)
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text("families can see it now")


def test_the_editors_home_page_says_the_draft_was_replaced(new_context, site_url, sent_back_draft):
    publisher, editor, leaflet, who = sent_back_draft
    pat = signed_in_context(new_context, site_url, publisher).new_page()
    pat.goto(site_url + admin_url(leaflet, "history"))
    tab_to(pat, "Restore this version")
    follow(pat, "Enter")
    tab_to(pat, "Yes, replace this draft")
    pat.keyboard.press("Space")
    tab_to(pat, "Restore as a draft")
    follow(pat, "Enter")

    erin = signed_in_context(new_context, site_url, editor).new_page()
    erin.goto(site_url + reverse("admin:index"))
    panel = erin.get_by_role("region", name="Your drafts replaced by a restore")
    expect(panel).to_contain_text(f"Erin Editor's unpublished draft of “{WHO}”")
    expect(panel).to_contain_text("Pat Publisher restored the version")
    expect(erin.get_by_role("region", name="Your requests for approval")).to_have_count(0)
    no_axe_violations(erin)
    tab_to(erin, "Compare your draft with what replaced it")
    follow(erin, "Enter")
    expect(erin.locator("ul.question-changes tr.diff-changed td").first).to_contain_text(ERINS_DRAFT)
