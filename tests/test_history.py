"""Every admin save is kept: who saved what and when, what changed, and putting an old version back."""

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date
from reversion.models import Version

from scr_site.leaflet.content_files import read_leaflets
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Section

from .helpers import page, text_of
from .staff import (
    add_inline_question,
    admin_form,
    change_url,
    inline_prefix,
    publish_by_url,
    questions_on,
    save_draft,
    save_leaflet_draft,
)

pytestmark = pytest.mark.django_db

FIRST = "It usually takes six to nine months."
SECOND = "It usually takes about a year, and we will keep you told."
# Who and what the history shows for the version load_content saved.
LOADED = "Loaded from content/"


def history_url(obj):
    return f"/admin/leaflet/{obj._meta.model_name}/{obj.pk}/history/"


def history_rows(browser, obj):
    """Each saved version's row, keyed by the table's column headings ("Saved", "By", ...), newest first."""
    html = page(browser.get(history_url(obj)))
    headings = [text_of(th) for th in html.select("#change-history thead th")]
    return [
        {"row": tr, **dict(zip(headings, (text_of(td) for td in tr.select("td")), strict=True))}
        for tr in html.select("#change-history tbody tr")
    ]


def answer_in_content_folder(section):
    """The question's answer as content/ has it, before anyone edited it."""
    (leaflet,) = read_leaflets(settings.CONTENT_DIR)
    return next(found["answer"] for found in leaflet["sections"] if found["anchor"] == section.anchor)


def families_see(client):
    return text_of(page(client.get("/")).select_one("main"))


def answer_on_form(response):
    return admin_form(response)["answer"]


# --- who and when ----------------------------------------------------------------


def test_every_admin_save_is_listed_with_who_saved_it_and_when(as_editor, as_publisher, section):
    save_draft(as_editor, section, answer=FIRST)
    save_draft(as_publisher, section, answer=SECOND)

    rows = history_rows(as_editor, section)
    assert [row["By"] for row in rows] == ["Pat", "Erin", LOADED]
    today = format_date(timezone.localtime(), "j F Y")
    assert all(row["Saved"].startswith(today) for row in rows)


def test_a_save_on_the_leaflet_page_is_in_each_changed_questions_history(as_editor, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=FIRST)

    assert [row["By"] for row in history_rows(as_editor, section)] == ["Erin", LOADED]
    assert [row["By"] for row in history_rows(as_editor, leaflet)] == ["Erin", LOADED]


def test_publishing_is_listed_with_who_published(as_editor, as_publisher, leaflet, section):
    save_draft(as_editor, leaflet, introduction="Read this first.")
    publish_by_url(as_publisher, leaflet)

    html = page(as_editor.get(history_url(leaflet)))
    published = html.find("h2", string="Published").find_next("ul")
    assert [text_of(li).split(" by ")[1] for li in published.select("li")] == ["Pat"]


@pytest.mark.parametrize("model", [Leaflet, Section, Board, GuidanceLink, Page])
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
    unsaved = Section.objects.create(leaflet=leaflet, question="Can I Read the Report?", answer="Yes.")

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


def test_compare_shows_the_two_latest_versions_side_by_side_with_the_changed_words_marked(as_editor, section):
    save_draft(as_editor, section, answer=FIRST)
    save_draft(as_editor, section, answer=SECOND)

    response = compare_chosen(as_editor, section)
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


def test_compare_puts_the_older_version_on_the_left_whichever_way_they_are_chosen(as_editor, section):
    save_draft(as_editor, section, answer=FIRST)
    save_draft(as_editor, section, answer=SECOND)
    newer, older, _loaded = Version.objects.get_for_object(section)

    response = as_editor.get(f"{history_url(section)}compare/", {"from": newer.pk, "to": older.pk})
    _, table = compare_columns(response)
    earlier, later = table.select("tbody tr.diff-changed td")
    assert text_of(earlier) == FIRST
    assert text_of(later) == SECOND


def test_compare_names_only_the_fields_that_changed(as_editor, section):
    save_draft(as_editor, section, answer=FIRST)
    save_draft(as_editor, section, question="How long does a review take?")

    response = compare_chosen(as_editor, section)
    assert [text_of(t.caption) for t in page(response).select("table.diff")] == ["Question"]


def test_compare_escapes_what_staff_typed(as_editor, section):
    save_draft(as_editor, section, answer=FIRST)
    save_draft(as_editor, section, answer="Six months <script>alert(1)</script>")

    response = compare_chosen(as_editor, section)
    assert page(response).select_one("table.diff script") is None
    assert "<script>alert(1)</script>" in text_of(page(response).select_one("table.diff"))


def test_compare_without_two_versions_goes_back_to_the_history(as_editor, section):
    save_draft(as_editor, section, answer=FIRST)

    response = as_editor.get(f"{history_url(section)}compare/", {"from": "x"})
    assert response.status_code == 302
    assert response["Location"] == history_url(section)


# --- restoring an earlier version ----------------------------------------------------------


def restore(browser, obj, row):
    """Follow a history row's 'Restore this version' link and press Save on the form it opens."""
    url = row["row"].find("a", string="Restore this version")["href"]
    opened = browser.get(url)
    assert opened.status_code == 200
    response = browser.post(url, admin_form(opened))
    assert response.status_code == 302, page(response).select(".errorlist")
    return opened


@pytest.fixture
def published_twice(client, as_publisher, leaflet, section):
    """FIRST was published, then SECOND was published over it.

    Its history rows are SECOND, FIRST, then the version loaded from content/.
    """
    save_draft(as_publisher, section, answer=FIRST)
    publish_by_url(as_publisher, leaflet)
    save_draft(as_publisher, section, answer=SECOND)
    publish_by_url(as_publisher, leaflet)
    assert SECOND in families_see(client)
    return section


def test_restoring_an_earlier_version_brings_back_its_text_as_a_draft(client, as_publisher, published_twice):
    section = published_twice
    rows = history_rows(as_publisher, section)
    opened = restore(as_publisher, section, rows[-2])

    assert answer_on_form(opened) == FIRST
    assert Section.objects.get(pk=section.pk).answer == FIRST
    assert SECOND in families_see(client)
    assert FIRST not in families_see(client)


def test_a_restored_version_reaches_families_when_published(client, as_publisher, leaflet, published_twice):
    restore(as_publisher, published_twice, history_rows(as_publisher, published_twice)[-2])

    publish_by_url(as_publisher, leaflet)

    assert FIRST in families_see(client)
    assert SECOND not in families_see(client)


def test_restoring_the_loaded_version_brings_back_the_original_wording_as_a_draft(
    client, as_publisher, leaflet, published_twice
):
    original = answer_in_content_folder(published_twice)
    loaded = history_rows(as_publisher, published_twice)[-1]
    assert loaded["By"] == LOADED

    opened = restore(as_publisher, published_twice, loaded)

    assert answer_on_form(opened) == original
    assert Section.objects.get(pk=published_twice.pk).answer == original
    assert SECOND in families_see(client)
    publish_by_url(as_publisher, leaflet)
    assert original in families_see(client)
    assert SECOND not in families_see(client)


def test_a_restore_is_itself_a_new_entry_in_the_history(as_publisher, published_twice):
    before = history_rows(as_publisher, published_twice)
    restore(as_publisher, published_twice, before[-1])

    after = history_rows(as_publisher, published_twice)
    assert len(after) == len(before) + 1
    assert after[0]["By"] == "Pat"
    assert after[0]["What happened"].startswith("Reverted to previous version")
    assert after[0]["Restore"] == "Current"


def test_opening_a_restore_form_and_leaving_changes_nothing(client, as_publisher, published_twice):
    rows = history_rows(as_publisher, published_twice)
    url = rows[-2]["row"].find("a", string="Restore this version")["href"]

    assert answer_on_form(as_publisher.get(url)) == FIRST
    assert Section.objects.get(pk=published_twice.pk).answer == SECOND
    assert len(history_rows(as_publisher, published_twice)) == len(rows)


def test_restoring_one_question_leaves_the_other_questions_alone(as_publisher, leaflet, section):
    other = leaflet.sections.get(question="Who Will See the Report?")
    save_leaflet_draft(as_publisher, leaflet, section, answer=FIRST)
    save_leaflet_draft(
        as_publisher, leaflet, other, answer="Only the people who took part see the full report."
    )
    data = add_inline_question(
        admin_form(as_publisher.get(change_url(leaflet))),
        leaflet,
        "Can I Read the Report?",
        "Yes, once it is done.",
    )
    data[inline_prefix(data, section) + "answer"] = SECOND
    assert as_publisher.post(change_url(leaflet), data).status_code == 302

    rows = history_rows(as_publisher, section)
    # The first save on the leaflet page; the last row is the version loaded from content/.
    restore(as_publisher, section, rows[-2])

    assert Section.objects.get(pk=section.pk).answer == FIRST
    assert Section.objects.get(pk=other.pk).answer == "Only the people who took part see the full report."
    assert Section.objects.filter(question="Can I Read the Report?").exists()


def test_restoring_a_leaflet_brings_back_its_questions_with_it(as_publisher, leaflet, section):
    save_leaflet_draft(as_publisher, leaflet, section, answer=FIRST)
    save_leaflet_draft(as_publisher, leaflet, section, answer=SECOND)

    rows = history_rows(as_publisher, leaflet)
    # The first save on the leaflet page; the last row is the version loaded from content/.
    restore(as_publisher, leaflet, rows[-2])

    assert Section.objects.get(pk=section.pk).answer == FIRST


# --- recovering a deleted question -------------------------------------------------------------


def recover(browser, question):
    """Find the question in the list of deleted ones, open it, and press Save."""
    listing = browser.get("/admin/leaflet/section/recover/")
    assert listing.status_code == 200
    rows = [tr for tr in page(listing).select("#change-history tbody tr") if text_of(tr.td) == question]
    assert rows, f"“{question}” is not in the list of deleted questions"
    url = rows[0].select_one("a")["href"]
    opened = browser.get(url)
    assert opened.status_code == 200
    response = browser.post(url, admin_form(opened))
    assert response.status_code == 302, page(response).select(".errorlist")


def delete(browser, obj):
    response = browser.post(f"/admin/leaflet/{obj._meta.model_name}/{obj.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302


def test_a_deleted_question_can_be_recovered_as_a_draft(client, as_publisher, leaflet, section):
    save_draft(as_publisher, section, answer=FIRST)
    publish_by_url(as_publisher, leaflet)
    delete(as_publisher, section)
    publish_by_url(as_publisher, leaflet)
    assert section.question not in questions_on(client.get("/"))

    recover(as_publisher, section.question)

    assert Section.objects.get(pk=section.pk).answer == FIRST
    assert section.question not in questions_on(client.get("/"))
    preview = as_publisher.get(f"/preview/leaflets/{leaflet.pk}/")
    assert section.question in questions_on(preview)

    publish_by_url(as_publisher, leaflet)

    assert section.question in questions_on(client.get("/"))
    assert FIRST in families_see(client)


def test_the_recover_list_shows_only_deleted_questions(as_publisher, leaflet, section):
    other = leaflet.sections.get(question="Who Will See the Report?")
    save_draft(as_publisher, section, answer=FIRST)
    save_draft(as_publisher, other, question="Who will read the report?")
    delete(as_publisher, section)

    listing = page(as_publisher.get("/admin/leaflet/section/recover/"))
    assert [text_of(tr.td) for tr in listing.select("#change-history tbody tr")] == [section.question]


def test_a_question_deleted_before_anyone_edited_it_can_be_recovered(as_publisher, section):
    delete(as_publisher, section)

    recover(as_publisher, section.question)

    assert Section.objects.filter(pk=section.pk).exists()
