"""Every admin save is kept: who saved what and when, what changed, and putting an old version back."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateformat import format as format_date
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.content_folder.files import read_leaflets
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question

from .helpers import page, text_of
from .staff import admin_form, change_url, preview_of, publish_by_url, questions_on, save_draft

pytestmark = pytest.mark.django_db

FIRST = "It usually takes six to nine months."
SECOND = "It usually takes about a year, and we will keep you told."
# Who and what the history shows for the version load_content saved.
LOADED = "Loaded from content/"


def history_url(obj):
    return admin_url(obj, "history")


def history_rows(browser, obj):
    """Each saved version's row, keyed by the table's column headings ("Saved", "By", ...), newest first."""
    html = page(browser.get(history_url(obj)))
    headings = [text_of(th) for th in html.select("#change-history thead th")]
    return [
        {"row": tr, **dict(zip(headings, (text_of(td) for td in tr.select("td")), strict=True))}
        for tr in html.select("#change-history tbody tr")
    ]


def answer_in_content_folder(question):
    """The question's answer as content/ has it, before anyone edited it."""
    (leaflet,) = read_leaflets(settings.CONTENT_DIR)
    return next(found["answer"] for found in leaflet["questions"] if found["anchor"] == question.anchor)


def families_see(client):
    return text_of(page(client.get("/")).select_one("main"))


def add_question(browser, leaflet, question, answer):
    response = browser.post(
        admin_url(Question, "add"),
        {"leaflet": leaflet.pk, "question": question, "answer": answer, "order": 5, "show_to_families": "on"},
    )
    assert response.status_code == 302, page(response).select(".errorlist")
    return Question.objects.get(question=question)


# --- who and when ----------------------------------------------------------------


def test_every_admin_save_is_listed_with_who_saved_it_and_when(as_editor, as_publisher, question):
    save_draft(as_editor, question, answer=FIRST)
    save_draft(as_publisher, question, answer=SECOND)

    rows = history_rows(as_editor, question)
    assert [row["By"] for row in rows] == ["Pat", "Erin", LOADED]
    today = format_date(timezone.localtime(), "j F Y")
    assert all(row["Saved"].startswith(today) for row in rows)


def test_a_question_save_is_in_its_own_history_and_its_leaflets(as_editor, leaflet, question):
    save_draft(as_editor, question, answer=FIRST)

    assert [row["By"] for row in history_rows(as_editor, question)] == ["Erin", LOADED]
    assert [row["By"] for row in history_rows(as_editor, leaflet)] == ["Erin", LOADED]


def test_a_question_lists_only_the_versions_in_which_it_changed(as_editor, leaflet, question):
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(as_editor, other, answer="Only the people who took part.")
    save_draft(as_editor, leaflet, introduction="Read this first.")

    assert [row["By"] for row in history_rows(as_editor, question)] == [LOADED]
    assert len(history_rows(as_editor, leaflet)) == 3


def test_publishing_is_listed_with_who_published(as_editor, as_publisher, leaflet, question):
    save_draft(as_editor, leaflet, introduction="Read this first.")
    publish_by_url(as_publisher, leaflet)

    html = page(as_editor.get(history_url(leaflet)))
    activity = html.find("h2", string="Publishing and approval").find_next("ul")
    steps = [text_of(li).split(": ", 1)[1] for li in activity.select("li")]
    assert steps == ["Published: now live (Pat)", "Published: now live: “Loaded from content/”"]


@pytest.mark.parametrize("model", [Leaflet, Question, Board, GuidanceLink, Page])
def test_before_any_admin_save_the_history_holds_the_version_loaded_from_content(
    as_editor, leaflet_content, model
):
    items = list(model.objects.all())
    assert items
    for item in items:
        rows = history_rows(as_editor, item)
        assert [(row["By"], row["What happened"]) for row in rows] == [(LOADED, LOADED)], item


def test_history_of_an_item_saved_neither_in_the_admin_nor_by_the_loader_says_none_is_kept_yet(
    as_editor, leaflet
):
    unsaved = Question.objects.create(leaflet=leaflet, question="Can I Read the Report?", answer="Yes.")

    assert "No saved versions yet." in text_of(
        page(as_editor.get(history_url(unsaved))).select_one("#content-main")
    )


# --- comparing -----------------------------------------------------------------------


def compare_chosen(browser, obj):
    """Open the history and press Compare with the two versions it has chosen."""
    form = page(browser.get(history_url(obj))).select_one("#content-main form")
    chosen = {radio["name"]: radio["value"] for radio in form.select("input[type=radio][checked]")}
    return browser.get(form["action"], chosen)


def compare_columns(response):
    table = page(response).select_one("table.diff")
    return [text_of(th) for th in table.select("thead th")], table


def test_compare_shows_the_two_latest_versions_side_by_side_with_the_changed_words_marked(
    as_editor, question
):
    save_draft(as_editor, question, answer=FIRST)
    save_draft(as_editor, question, answer=SECOND)

    response = compare_chosen(as_editor, question)
    assert response.status_code == 200
    headings, table = compare_columns(response)
    assert headings == ["Earlier", "Later"]
    assert text_of(table.caption) == "Answer"
    earlier, later = table.select("tbody tr.diff-changed td")
    assert text_of(earlier) == FIRST
    assert text_of(later) == SECOND
    assert "six to nine months." in [text_of(d) for d in earlier.select("del")]
    assert any("about a year," in text_of(i) for i in later.select("ins"))
    assert "usually takes" not in " ".join(text_of(m) for m in table.select("del, ins"))


def test_compare_puts_the_older_version_on_the_left_whichever_way_they_are_chosen(as_editor, question):
    save_draft(as_editor, question, answer=FIRST)
    save_draft(as_editor, question, answer=SECOND)
    newer, older, _loaded = Version.objects.get_for_object(question)

    response = as_editor.get(admin_url(question, "compare"), {"from": newer.pk, "to": older.pk})
    _, table = compare_columns(response)
    earlier, later = table.select("tbody tr.diff-changed td")
    assert text_of(earlier) == FIRST
    assert text_of(later) == SECOND


def test_compare_names_only_the_fields_that_changed(as_editor, question):
    save_draft(as_editor, question, answer=FIRST)
    save_draft(as_editor, question, question="How long does a review take?")

    response = compare_chosen(as_editor, question)
    assert [text_of(t.caption) for t in page(response).select("table.diff")] == ["Question"]


def test_compare_escapes_what_staff_typed(as_editor, question):
    save_draft(as_editor, question, answer=FIRST)
    save_draft(as_editor, question, answer="Six months <script>alert(1)</script>")

    response = compare_chosen(as_editor, question)
    assert page(response).select_one("table.diff script") is None
    assert "<script>alert(1)</script>" in text_of(page(response).select_one("table.diff"))


def test_compare_without_two_versions_goes_back_to_the_history(as_editor, question):
    save_draft(as_editor, question, answer=FIRST)

    response = as_editor.get(admin_url(question, "compare"), {"from": "x"})
    assert response.status_code == 302
    assert response["Location"] == history_url(question)


def compared_questions(response):
    return [text_of(li) for li in page(response).select("ul.question-changes > li")]


def test_the_leaflet_compare_shows_a_changed_answer(as_editor, leaflet, question):
    save_draft(as_editor, question, answer=FIRST)

    response = compare_chosen(as_editor, leaflet)

    (changed,) = compared_questions(response)
    assert changed.startswith(f"Changed: {question.question}")
    later = page(response).select_one("ul.question-changes table.diff tr.diff-changed td:nth-of-type(2)")
    assert text_of(later) == FIRST


def test_the_leaflet_compare_shows_an_added_and_a_removed_question(as_publisher, leaflet, question):
    versions = Version.objects.get_for_object(leaflet)
    loaded = versions.first()
    add_question(as_publisher, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    as_publisher.post(admin_url(question, "delete"), {"post": "yes"})
    latest = Version.objects.get_for_object(leaflet).first()

    response = as_publisher.get(admin_url(leaflet, "compare"), {"from": loaded.pk, "to": latest.pk})

    changes = compared_questions(response)
    assert "Added: Can I Read the Report?" in changes
    assert f"Removed: {question.question}" in changes


def test_the_leaflet_compare_shows_a_change_of_order(as_publisher, leaflet, question):
    data = admin_form(as_publisher.get(change_url(leaflet)))
    assert as_publisher.post(change_url(leaflet), {**data, "_move": f"{question.pk}:up"}).status_code == 302

    response = compare_chosen(as_publisher, leaflet)

    (reordered,) = compared_questions(response)
    assert reordered.startswith("Order changed.")
    before, after = page(response).select(".question-order ol")
    assert [text_of(li) for li in before.select("li")][-1] == question.question
    assert [text_of(li) for li in after.select("li")][-2] == question.question


# --- restoring an earlier version ----------------------------------------------------------


def open_restore(browser, row):
    """Follow a history row's 'Restore this version' link: the page that says what would change."""
    url = row["row"].select_one("a[href*='/restore/']")["href"]
    opened = browser.get(url)
    assert opened.status_code == 200
    return url, opened


def restore(browser, row, **answers):
    """Open a version's restore page, then confirm it (with any boxes ticked in `answers`)."""
    url, opened = open_restore(browser, row)
    response = browser.post(url, answers)
    assert response.status_code == 302, text_of(page(response).select_one("#content-main"))
    return opened


@pytest.fixture
def published_twice(client, as_publisher, leaflet, question):
    """FIRST was published, then SECOND was published over it.

    Its history rows are SECOND, FIRST, then the version loaded from content/.
    """
    save_draft(as_publisher, question, answer=FIRST)
    publish_by_url(as_publisher, leaflet)
    save_draft(as_publisher, question, answer=SECOND)
    publish_by_url(as_publisher, leaflet)
    assert SECOND in families_see(client)
    return question


def test_restoring_an_earlier_version_brings_back_its_text_as_a_draft(client, as_publisher, published_twice):
    question = published_twice
    restore(as_publisher, history_rows(as_publisher, question)[-2])

    assert Question.objects.get(pk=question.pk).answer == FIRST
    assert SECOND in families_see(client)
    assert FIRST not in families_see(client)


def test_the_restore_page_shows_what_would_change_and_saves_nothing(client, as_publisher, published_twice):
    rows = history_rows(as_publisher, published_twice)
    _, opened = open_restore(as_publisher, rows[-2])

    html = page(opened)
    assert "Nothing has been saved yet." in text_of(html.select_one("#content-main"))
    table = html.select_one("table.diff")
    assert text_of(table.caption) == "Answer"
    # The left column says whose it is: here Pat's own draft, which is what is live.
    now, after = [text_of(th) for th in table.select("thead th")]
    assert now.startswith("Current draft, the same as live, saved by Pat at ")
    assert after == "After restoring"
    assert Question.objects.get(pk=published_twice.pk).answer == SECOND
    assert len(history_rows(as_publisher, published_twice)) == len(rows)


def test_a_restored_version_reaches_families_when_published(client, as_publisher, leaflet, published_twice):
    restore(as_publisher, history_rows(as_publisher, published_twice)[-2])

    publish_by_url(as_publisher, leaflet)

    assert FIRST in families_see(client)
    assert SECOND not in families_see(client)


def test_restoring_the_loaded_version_brings_back_the_original_wording_as_a_draft(
    client, as_publisher, leaflet, published_twice
):
    original = answer_in_content_folder(published_twice)
    loaded = history_rows(as_publisher, published_twice)[-1]
    assert loaded["By"] == LOADED

    restore(as_publisher, loaded)

    assert Question.objects.get(pk=published_twice.pk).answer == original
    assert SECOND in families_see(client)
    publish_by_url(as_publisher, leaflet)
    assert original in families_see(client)
    assert SECOND not in families_see(client)


def test_a_restore_is_itself_a_new_entry_in_the_history(as_publisher, published_twice):
    before = history_rows(as_publisher, published_twice)
    restore(as_publisher, before[-1])

    after = history_rows(as_publisher, published_twice)
    assert len(after) == len(before) + 1
    assert after[0]["By"] == "Pat"
    assert after[0]["What happened"].startswith("Restored the version saved on")
    assert after[0]["Restore"] == "Current"


def test_restoring_one_question_leaves_the_other_questions_alone(as_publisher, leaflet, question):
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(as_publisher, question, answer=FIRST)
    save_draft(as_publisher, other, answer="Only the people who took part see the full report.")
    add_question(as_publisher, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    save_draft(as_publisher, question, answer=SECOND)

    rows = history_rows(as_publisher, question)
    restore(as_publisher, rows[1])

    assert Question.objects.get(pk=question.pk).answer == FIRST
    assert Question.objects.get(pk=other.pk).answer == "Only the people who took part see the full report."
    assert Question.objects.filter(question="Can I Read the Report?").exists()


def test_restoring_a_leaflet_brings_back_its_questions_with_it(as_publisher, leaflet, question):
    save_draft(as_publisher, question, answer=FIRST)
    save_draft(as_publisher, question, answer=SECOND)

    rows = history_rows(as_publisher, leaflet)
    restore(as_publisher, rows[1])

    assert Question.objects.get(pk=question.pk).answer == FIRST


# --- restoring the first version never loses questions ------------------------------------------


def test_restoring_the_first_version_keeps_all_seven_questions(client, as_publisher, leaflet, question):
    """The reported fault: load, edit an answer, restore the version loaded from content/."""
    original = answer_in_content_folder(question)
    save_draft(as_publisher, question, answer=FIRST)

    restore(as_publisher, history_rows(as_publisher, leaflet)[-1])

    assert leaflet.questions.count() == 7
    assert Question.objects.get(pk=question.pk).answer == original
    publish_by_url(as_publisher, leaflet)
    assert len(questions_on(client.get("/"))) == 7


def test_the_loaded_version_holds_the_leaflet_and_all_its_questions(leaflet):
    (loaded,) = Version.objects.get_for_object(leaflet)
    held = loaded.revision.version_set.filter(content_type__model="question")
    assert held.count() == 7


def test_a_restore_that_would_remove_questions_is_refused_unless_confirmed(as_publisher, leaflet, question):
    added = add_question(as_publisher, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    url, opened = open_restore(as_publisher, history_rows(as_publisher, leaflet)[-1])
    assert "Can I Read the Report?" in text_of(page(opened).select_one("fieldset.restore-removals"))

    refused = as_publisher.post(url)

    assert refused.status_code == 200
    assert "Tick the box to confirm" in text_of(page(refused).select_one(".error-summary"))
    assert Question.objects.filter(pk=added.pk).exists()

    confirmed = as_publisher.post(url, {"remove_questions": "yes"})

    assert confirmed.status_code == 302
    assert not Question.objects.filter(pk=added.pk).exists()
    assert leaflet.questions.count() == 7


def test_restoring_a_version_saved_without_its_questions_leaves_them_alone(as_publisher, leaflet, question):
    """Leaflets saved before they kept their questions: such a version holds none at all."""
    loaded = Version.objects.get_for_object(leaflet).first()
    loaded.revision.version_set.filter(content_type__model="question").delete()
    save_draft(as_publisher, question, answer=FIRST)

    url, opened = open_restore(as_publisher, history_rows(as_publisher, leaflet)[-1])
    assert "every question stays as it is now" in text_of(page(opened).select_one("#content-main"))
    assert page(opened).select_one("fieldset.restore-removals") is None
    assert as_publisher.post(url).status_code == 302

    assert leaflet.questions.count() == 7
    assert Question.objects.get(pk=question.pk).answer == FIRST


def test_load_content_again_keeps_a_restored_leaflet_whole(as_publisher, leaflet, question):
    save_draft(as_publisher, question, answer=FIRST)
    restore(as_publisher, history_rows(as_publisher, leaflet)[-1])

    call_command("load_content", verbosity=0)

    assert leaflet.questions.count() == 7


def test_editors_cannot_restore(as_editor, leaflet, question):
    save_draft(as_editor, question, answer=FIRST)
    loaded = Version.objects.get_for_object(question).last()
    url = admin_url(question, "restore", loaded.pk)

    assert "Restore" not in [
        text_of(th) for th in page(as_editor.get(history_url(question))).select("thead th")
    ]
    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url).status_code == 403
    assert Question.objects.get(pk=question.pk).answer == FIRST


# --- recovering a deleted question -------------------------------------------------------------


def recover(browser, question):
    """Find the question in the list of deleted ones, open it, and confirm."""
    listing = browser.get(admin_url(Question, "recoverlist"))
    assert listing.status_code == 200
    links = [a for a in page(listing).select("#content-main tbody th a") if text_of(a) == question]
    assert links, f"“{question}” is not in the list of deleted questions"
    url = links[0]["href"]
    opened = browser.get(url)
    assert opened.status_code == 200
    response = browser.post(url)
    assert response.status_code == 302, text_of(page(response).select_one("#content-main"))


def delete(browser, obj):
    response = browser.post(admin_url(obj, "delete"), {"post": "yes"})
    assert response.status_code == 302


def test_a_deleted_question_can_be_recovered_as_a_draft(client, as_publisher, leaflet, question):
    save_draft(as_publisher, question, answer=FIRST)
    publish_by_url(as_publisher, leaflet)
    delete(as_publisher, question)
    publish_by_url(as_publisher, leaflet)
    assert question.question not in questions_on(client.get("/"))

    recover(as_publisher, question.question)

    assert Question.objects.get(pk=question.pk).answer == FIRST
    assert question.question not in questions_on(client.get("/"))
    assert question.question in questions_on(preview_of(as_publisher, leaflet))

    publish_by_url(as_publisher, leaflet)

    assert question.question in questions_on(client.get("/"))
    assert FIRST in families_see(client)


def test_the_recover_list_shows_only_deleted_questions(as_publisher, leaflet, question):
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(as_publisher, question, answer=FIRST)
    save_draft(as_publisher, other, question="Who will read the report?")
    delete(as_publisher, question)

    listing = page(as_publisher.get(admin_url(Question, "recoverlist")))
    assert [text_of(a) for a in listing.select("#content-main tbody th a")] == [question.question]


def test_a_question_deleted_before_anyone_edited_it_can_be_recovered(as_publisher, question):
    delete(as_publisher, question)

    recover(as_publisher, question.question)

    assert Question.objects.filter(pk=question.pk).exists()


def test_only_restorers_see_the_recover_button(as_editor, as_publisher, leaflet_content):
    def recover_links(browser):
        html = page(browser.get(admin_url(Question, "changelist")))
        return [a["href"] for a in html.select(".object-tools a") if "Recover" in text_of(a)]

    assert recover_links(as_editor) == []
    assert recover_links(as_publisher) == [admin_url(Question, "recoverlist")]
    assert as_editor.get(admin_url(Question, "recoverlist")).status_code == 403
