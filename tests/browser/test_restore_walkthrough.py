"""Undoing a published change by keyboard alone: compare the leaflet's versions, restore the first, publish.

This is the round that once emptied the leaflet: restoring the version loaded from content/
deleted every question. Here a Publisher publishes a changed answer, sees it in the leaflet's
compare, restores the loaded version after reading what it will change, and publishes it.
The answer goes back and all seven questions stay. An Editor can compare but not restore.
"""

import re

import pytest
from playwright.sync_api import expect

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Leaflet, Question

from .staff_browser import follow, make_staff, sign_in_by_keyboard, signed_in_context, tab_to

pytestmark = pytest.mark.browser

QUESTION = "How Long Will the Review Take?"
ADDED = "Most reviews now take about a year. "
RESTORE = re.compile(r"^Restore this version")


def what_families_read(new_context, site_url):
    """How many questions the leaflet shows, and the answer this test changes."""
    page = new_context().new_page()
    page.goto(f"{site_url}/")
    count = page.locator("main h2").filter(has_text="?").count()
    answer = page.get_by_role("region", name=QUESTION).inner_text()
    page.close()
    return count, answer


def test_a_publisher_compares_restores_and_publishes_the_first_version_by_keyboard(new_context, site_url):
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    leaflet = Leaflet.objects.get()
    original = Question.objects.get(question=QUESTION).answer
    questions_before, _ = what_families_read(new_context, site_url)
    assert questions_before == 7

    pat = new_context().new_page()
    sign_in_by_keyboard(pat, site_url, publisher)

    # --- change an answer and publish it ---------------------------------------------------
    tab_to(pat, "Leaflets", exact=True)
    follow(pat, "Enter")
    tab_to(pat, leaflet.title)
    follow(pat, "Enter")
    tab_to(pat, f"Edit “{QUESTION}”")
    follow(pat, "Enter")
    tab_to(pat, "Answer:", exact=True)
    pat.keyboard.type(ADDED)
    tab_to(pat, "Publish", exact=True)
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text("families can see it now")
    assert ADDED.strip() in what_families_read(new_context, site_url)[1]

    # --- compare: the leaflet's history shows the changed answer ---------------------------
    pat.goto(site_url + admin_url(leaflet))
    tab_to(pat, "History", exact=True)
    follow(pat, "Enter")
    tab_to(pat, "Compare the chosen versions")
    follow(pat, "Enter")
    expect(pat.locator("#content-main")).not_to_contain_text("These two versions are the same")
    expect(pat.locator("#content-main ins").filter(has_text="Most reviews now take")).to_be_visible()

    # --- restore the version loaded from content/, after reading what it changes -----------
    tab_to(pat, "History", exact=True)
    follow(pat, "Enter")
    restore_links = pat.get_by_role("link", name=RESTORE).count()
    assert restore_links >= 1
    for _ in range(restore_links):  # the oldest row, "Loaded from content/", is the last
        tab_to(pat, "Restore this version")
    follow(pat, "Enter")
    page_text = pat.locator("#content-main")
    expect(page_text).to_contain_text("Nothing has been saved yet")
    expect(page_text).to_contain_text(QUESTION)
    expect(pat.locator(".restore-removals")).to_have_count(0)
    assert ADDED + original == Question.objects.get(question=QUESTION).answer  # still unchanged

    tab_to(pat, "Restore as a draft")
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text(f"Restored “{leaflet.title}” as a draft")
    assert Question.objects.get(question=QUESTION).answer == original
    # Families still read the published change until the restored draft is published.
    assert ADDED.strip() in what_families_read(new_context, site_url)[1]

    # --- publish the restored version ------------------------------------------------------
    tab_to(pat, "Publish", exact=True)
    follow(pat, "Enter")
    expect(pat.locator(".messagelist")).to_contain_text("families can see it now")

    questions_after, answer = what_families_read(new_context, site_url)
    assert ADDED.strip() not in answer
    assert questions_after == questions_before
    assert leaflet.questions.count() == 7


def test_an_editor_can_compare_the_leaflets_versions_but_not_restore_them(new_context, site_url):
    editor = make_staff("erin.editor", "Erin", "Editor")
    question = Question.objects.get(question=QUESTION)
    leaflet = Leaflet.objects.get()
    page = signed_in_context(new_context, site_url, editor).new_page()
    page.goto(site_url + admin_url(question))
    answer = page.locator("textarea[name=answer]")
    answer.fill(ADDED + answer.input_value())
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("as a draft")

    page.goto(site_url + admin_url(leaflet, "history"))
    expect(page.get_by_role("link", name=RESTORE)).to_have_count(0)
    tab_to(page, "Compare the chosen versions")
    follow(page, "Enter")
    expect(page.locator("#content-main ins").filter(has_text="Most reviews now take")).to_be_visible()
