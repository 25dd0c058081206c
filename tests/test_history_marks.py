"""The history marks which version families see now and which is the current draft, and, for a
leaflet, which questions each version changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import mark_reviewed

from .staff import admin_form, change_url, publish_by_url, save_draft
from .test_history import add_question, history_rows

pytestmark = pytest.mark.django_db

WHO = "Who Will See the Report?"


@pytest.fixture
def drafted(as_editor, as_publisher, leaflet, question):
    """Pat changes an answer and publishes it; then Erin saves a draft of WHO. Returns WHO's question."""
    save_draft(as_publisher, question, answer="It usually takes about a year.")
    publish_by_url(as_publisher, leaflet)
    who = leaflet.questions.get(question=WHO)
    save_draft(as_editor, who, answer="Only the review panel and the families who took part.")
    return who


def test_the_history_marks_the_version_that_is_live_and_the_current_draft(as_publisher, drafted, leaflet):
    who = drafted

    rows = history_rows(as_publisher, leaflet)

    assert [row["Live or draft"] for row in rows] == ["Current draft", "Live now", ""]
    question_rows = history_rows(as_publisher, who)
    assert question_rows[0]["Live or draft"] == "Current draft"
    assert question_rows[-1]["Live or draft"] == "Live now"


def test_once_published_the_newest_version_is_both_live_and_the_draft(as_publisher, drafted, leaflet):
    publish_by_url(as_publisher, leaflet)

    rows = history_rows(as_publisher, leaflet)

    assert [row["Live or draft"] for row in rows] == ["Live now Current draft, the same as live", "", ""]


def test_a_review_date_does_not_unmark_the_live_version(as_publisher, leaflet):
    # A review changes the dates on the row and the published copy, and keeps no new version.
    mark_reviewed(leaflet, None, timezone.localdate())

    (loaded,) = history_rows(as_publisher, leaflet)
    assert loaded["Live or draft"] == "Live now Current draft, the same as live"


def test_each_leaflet_history_row_names_the_question_that_changed(as_publisher, drafted, leaflet):
    rows = history_rows(as_publisher, leaflet)

    assert [row["Questions changed"] for row in rows] == [
        f"Changed: {WHO}",
        "Changed: How Long Will the Review Take?",
        "First version kept",
    ]


def test_the_history_names_added_removed_and_moved_questions(as_publisher, leaflet, question):
    add_question(as_publisher, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    data = admin_form(as_publisher.get(change_url(leaflet)))
    assert as_publisher.post(change_url(leaflet), {**data, "_move": f"{question.pk}:up"}).status_code == 302
    assert as_publisher.post(admin_url(question, "delete"), {"post": "yes"}).status_code == 302

    deleted, moved, added, _ = [row["Questions changed"] for row in history_rows(as_publisher, leaflet)]

    assert deleted == f"Removed: {question.question}"
    assert question.question in moved and moved.startswith("Moved: ")
    assert added == "Added: Can I Read the Report?"


def test_the_history_reads_every_rows_questions_in_one_query(as_publisher, leaflet, question):
    def queries_for_history():
        with CaptureQueriesContext(connection) as queries:
            assert as_publisher.get(admin_url(leaflet, "history")).status_code == 200
        return len(queries)

    save_draft(as_publisher, question, answer="One.")
    few = queries_for_history()
    for answer in ("Two.", "Three.", "Four."):
        save_draft(as_publisher, question, answer=answer)

    assert queries_for_history() == few
