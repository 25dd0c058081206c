"""A change to the leaflet, from an Editor's draft to what families read, as staff make it in the admin.

An Editor may change the text but not publish it; a Publisher publishes it, and can put an earlier
version back from the history. Families must see nothing of a change until it is published.
"""

import re
from importlib import import_module

import pytest
import reversion
from django.contrib.auth.models import Group, Permission, User
from playwright.sync_api import expect

from scr_site.leaflet.models import Leaflet, Question

pytestmark = pytest.mark.browser

PASSWORD = "a-long-password-for-staff-1"
LEAFLET = "Serious Case Reviews: Information for Families"
QUESTION = "How Long Will the Review Take?"
OTHER_QUESTION = "Who Will See the Report?"
OLD_WORDS = "six to nine months"
NEW_WORDS = "nine to twelve months"
ROLES = import_module("scr_site.leaflet.migrations.0003_roles_and_published_copies").ROLES


def make_staff(username, first_name, role):
    # The database is emptied between these tests, taking the groups the migration made with it;
    # they are made again from the migration's own list, so the roles are the ones deployed.
    group, _ = Group.objects.get_or_create(name=role)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="leaflet", codename__in=ROLES[role])
    )
    user = User.objects.create_user(
        username, password=PASSWORD, first_name=first_name, last_name=role, is_staff=True
    )
    user.groups.add(group)
    return user


# Both depend on site_url so that the users are made in the database the live server reads.
@pytest.fixture
def editor(site_url):
    return make_staff("erin.editor", "Erin", "Editor")


@pytest.fixture
def publisher(site_url):
    return make_staff("pat.publisher", "Pat", "Publisher")


@pytest.fixture
def console_errors():
    """Errors reported in the console by the pages of every context passed to watch()."""
    errors = []

    def watch(context):
        def note(message):
            where = message.location.get("url", "")
            # Chromium asks for /favicon.ico by itself, and the site has none: that 404 is the
            # browser's doing, not the page's.
            if message.type == "error" and not where.endswith("/favicon.ico"):
                errors.append(f"{message.text} ({where})")

        context.on("console", note)
        context.on("weberror", lambda error: errors.append(str(error.error)))
        return context

    watch.errors = errors
    return watch


def sign_in(context, site_url, user):
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Edit the leaflet")).to_be_visible()
    return page


def choose_from_list(page, name):
    # Within the list itself: a message above it may link to the same item by the same name.
    page.locator("#result_list").get_by_role("link", name=name, exact=True).click()


def go_home(page):
    page.get_by_role("banner").get_by_role(
        "link", name="Serious Case Reviews: information for families"
    ).click()
    expect(page.get_by_role("heading", name="Edit the leaflet")).to_be_visible()


def open_leaflet(page):
    page.get_by_role("link", name="Leaflets", exact=True).click()
    choose_from_list(page, LEAFLET)
    expect(page.get_by_role("heading", name="Change leaflet")).to_be_visible()


def open_question(page, question):
    go_home(page)
    page.get_by_role("link", name="Sections", exact=True).click()
    choose_from_list(page, question)
    expect(page.get_by_role("heading", name=question, exact=True)).to_be_visible()


def question_form(page, question=QUESTION):
    """The leaflet page's form for one question, among all the others."""
    return page.locator(".inline-related").filter(
        has=page.get_by_role("heading", name=f"Question: {question}", exact=True)
    )


def families_status(page):
    return page.get_by_role("paragraph").filter(has_text="Families see:")


def open_preview(page):
    """Follows the preview link, which opens in a new tab, and returns that tab."""
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview as families will see it").click()
    preview = opened.value
    expect(preview.get_by_role("region", name="Preview: not yet published")).to_be_visible()
    return preview


def answer_families_read(new_context, site_url, question=QUESTION):
    """The answer on the public leaflet, read by someone who has never signed in."""
    page = new_context().new_page()
    page.goto(f"{site_url}/")
    text = page.get_by_role("region", name=question).inner_text()
    page.close()
    return text


def versions_in_history(page):
    return page.get_by_role("table").get_by_role("row").filter(has=page.get_by_role("radio"))


def test_a_change_goes_from_draft_to_families_and_back(
    new_context, site_url, editor, publisher, console_errors
):
    original = Question.objects.get(question=QUESTION).answer.strip()
    assert OLD_WORDS in original
    changed = original.replace(OLD_WORDS, f"**{NEW_WORDS}**")

    # --- The Editor drafts the change. ---
    editor_context = console_errors(new_context())
    page = sign_in(editor_context, site_url, editor)
    open_leaflet(page)
    form = question_form(page)
    answer = form.get_by_label("Answer")
    answer.click()
    answer.press("ControlOrMeta+a")
    answer.press_sequentially(changed)
    # Staff check their formatting here before saving, so it must show what families will get.
    expect(form.locator(".markdownx-preview strong")).to_have_text(NEW_WORDS)

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    expect(question_form(page).get_by_label("Answer")).to_have_value(changed)
    expect(families_status(page)).to_contain_text("Draft changes not yet published")
    # Publishing is the Publisher's decision.
    expect(page.get_by_role("button", name="Save and publish")).to_have_count(0)

    preview = open_preview(page)
    previewed = preview.get_by_role("region", name=QUESTION)
    expect(previewed).to_contain_text(NEW_WORDS)
    expect(previewed.get_by_text("Changed: not yet published")).to_be_visible()
    banner = preview.get_by_role("region", name="Preview: not yet published")
    difference = banner.get_by_role("listitem").filter(has_text=f"Question: {QUESTION}").get_by_role("table")
    expect(difference.get_by_role("columnheader")).to_have_text(["Published", "Draft"])
    expect(difference.locator("del")).to_contain_text([re.compile("six")])
    expect(difference.locator("ins")).to_contain_text([re.compile("twelve")])
    expect(banner.get_by_role("button", name="Publish this version")).to_have_count(0)
    expect(banner).to_contain_text("Ask a Publisher to publish it")
    preview.close()

    families_see = answer_families_read(new_context, site_url)
    assert OLD_WORDS in families_see and NEW_WORDS not in families_see
    assert console_errors.errors == []

    # --- The Publisher publishes it from the preview. ---
    publisher_context = console_errors(new_context())
    page = sign_in(publisher_context, site_url, publisher)
    open_leaflet(page)
    preview = open_preview(page)
    expect(preview.get_by_role("region", name=QUESTION)).to_contain_text(NEW_WORDS)
    preview.get_by_role("button", name="Publish this version").click()
    expect(preview.get_by_text("families can see it now")).to_be_visible()
    expect(families_status(preview)).to_have_text(re.compile(r"^Families see: Published\."))
    preview.close()

    families_see = answer_families_read(new_context, site_url)
    assert NEW_WORDS in families_see and OLD_WORDS not in families_see

    # --- The Publisher puts the earlier wording back from the question's history. ---
    open_question(page, QUESTION)
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name=f"History of “{QUESTION}”")).to_be_visible()
    versions = versions_in_history(page)
    assert versions.count() >= 2, (
        "The history should hold the wording families read before the Editor's change, so that it "
        f"can be compared and restored; it lists only {versions.count()} version(s)."
    )
    # Newest first: the Editor's change, then the wording before it.
    versions.nth(1).get_by_role("radio", name=re.compile("^Compare from")).check()
    versions.nth(0).get_by_role("radio", name=re.compile("^Compare to")).check()
    page.get_by_role("button", name="Compare the chosen versions").click()
    difference = page.get_by_role("table").filter(has=page.get_by_text("Answer", exact=True))
    expect(difference.get_by_role("columnheader")).to_have_text(["Earlier", "Later"])
    expect(difference.locator("del")).to_contain_text([re.compile("six")])
    expect(difference.locator("ins")).to_contain_text([re.compile("twelve")])

    page.get_by_role("link", name="History", exact=True).click()
    versions.nth(1).get_by_role("link", name="Restore this version").click()
    expect(page.get_by_label("Answer")).to_have_value(re.compile(OLD_WORDS))
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    choose_from_list(page, QUESTION)
    expect(page.get_by_label("Answer")).to_have_value(re.compile(OLD_WORDS))
    expect(families_status(page)).to_contain_text("Draft changes not yet published")
    page.get_by_role("link", name="History").click()
    expect(versions).to_have_count(3)
    expect(versions.first).to_contain_text("Reverted to previous version")
    expect(versions.first).to_contain_text("Pat Publisher")
    # A restored version is a draft: families still read the published change.
    assert NEW_WORDS in answer_families_read(new_context, site_url)

    page.get_by_role("link", name=QUESTION, exact=True).click()
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("families can see it now")).to_be_visible()
    families_see = answer_families_read(new_context, site_url)
    assert OLD_WORDS in families_see and NEW_WORDS not in families_see
    assert console_errors.errors == []


def test_the_preview_lists_only_what_the_editor_changed(new_context, site_url, editor):
    # Before publishing, staff read this list to know what they are about to put in front of
    # families: a question nobody touched must not be on it.
    page = sign_in(new_context(), site_url, editor)
    open_leaflet(page)
    answer = question_form(page).get_by_label("Answer")
    answer.fill(answer.input_value().replace(OLD_WORDS, NEW_WORDS))
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    preview = open_preview(page)
    banner = preview.get_by_role("region", name="Preview: not yet published")
    listed = banner.get_by_role("list").first.locator(":scope > li > strong")
    expect(listed).to_have_text([f"Question: {QUESTION}"])
    expect(preview.get_by_text("Changed: not yet published")).to_have_count(1)


def test_a_question_changed_on_its_own_page_shows_as_unpublished_on_its_leaflet(
    new_context, site_url, editor, publisher
):
    page = sign_in(new_context(), site_url, editor)
    open_question(page, QUESTION)
    answer = page.get_by_label("Answer")
    answer.fill(answer.input_value().replace(OLD_WORDS, NEW_WORDS))
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(families_status(page)).to_contain_text("Draft changes not yet published")

    # The Publisher comes to the leaflet to see what is waiting to be published.
    page = sign_in(new_context(), site_url, publisher)
    page.get_by_role("link", name="Leaflets", exact=True).click()
    row = page.locator("#result_list").get_by_role("row").filter(has_text=LEAFLET)
    expect(row).to_contain_text("Draft changes not yet published")
    choose_from_list(page, LEAFLET)
    expect(families_status(page)).to_contain_text("Draft changes not yet published")


def test_restoring_one_question_leaves_the_other_questions_alone(new_context, site_url, editor, publisher):
    leaflet = Leaflet.objects.get()
    question = Question.objects.get(question=QUESTION)
    other = Question.objects.get(question=OTHER_QUESTION)
    # Earlier saves, recorded as the admin records them: one from the leaflet's page (which keeps a
    # copy of every question on it), then one from each question's own page, the last a typo fix.
    with reversion.create_revision():
        reversion.set_user(editor)
        question.answer = question.answer.replace(OLD_WORDS, NEW_WORDS)
        question.save()
        leaflet.save()
    with reversion.create_revision():
        reversion.set_user(editor)
        question.answer = question.answer.replace(NEW_WORDS, "about a year")
        question.save()
    assert "on our web site." in other.answer
    with reversion.create_revision():
        reversion.set_user(editor)
        other.answer = other.answer.replace("on our web site.", "on our website.")
        other.save()

    page = sign_in(new_context(), site_url, publisher)
    open_question(page, QUESTION)
    page.get_by_role("link", name="History").click()
    versions_in_history(page).nth(1).get_by_role("link", name="Restore this version").click()
    expect(page.get_by_label("Answer")).to_have_value(re.compile(NEW_WORDS))
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    assert NEW_WORDS in Question.objects.get(pk=question.pk).answer
    open_question(page, OTHER_QUESTION)
    expect(page.get_by_label("Answer")).to_have_value(re.compile("on our website\\."))
