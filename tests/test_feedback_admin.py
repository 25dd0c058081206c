"""Staff read what families said: Editors read it, Publishers also mark reports as dealt with."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from scr_site.feedback.models import ProblemReport, UsefulnessAnswer

from .helpers import page, text_of
from .staff import signed_in

pytestmark = pytest.mark.django_db

ANSWERS = reverse("admin:feedback_usefulnessanswer_changelist")
REPORTS = reverse("admin:feedback_problemreport_changelist")


def on(year, month, day):
    return datetime.date(year, month, day)


@pytest.fixture
def answers(db):
    for received_on, path, useful in [
        (on(2026, 10, 3), "/", True),
        (on(2026, 10, 9), "/", True),
        (on(2026, 10, 9), "/", False),
        (on(2026, 11, 1), "/", False),
        (on(2026, 11, 2), "/privacy/", True),
    ]:
        UsefulnessAnswer.objects.create(page=path, useful=useful, received_on=received_on)


@pytest.fixture
def report(db):
    return ProblemReport.objects.create(
        page="/privacy/", text="It does not say how long feedback is kept.", received_on=on(2026, 11, 20)
    )


@pytest.fixture
def as_staff_without_permissions(db):
    return signed_in(User.objects.create_user("sam", password="a-long-password-1", is_staff=True))


def table_rows(response):
    return [[text_of(cell) for cell in row.select("th, td")] for row in page(response).select("tbody tr")]


def test_yes_and_no_are_shown_per_page_and_month(as_editor, answers):
    response = as_editor.get(ANSWERS)
    assert response.status_code == 200
    assert table_rows(response) == [
        ["November 2026", "/", "0", "1"],
        ["November 2026", "/privacy/", "1", "0"],
        ["October 2026", "/", "2", "1"],
    ]


def test_the_counts_download_as_a_spreadsheet(as_editor, answers):
    response = as_editor.get(ANSWERS, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Month", "Page", "Yes", "No"],
        ["2026-11", "/", "0", "1"],
        ["2026-11", "/privacy/", "1", "0"],
        ["2026-10", "/", "2", "1"],
    ]


def test_problem_reports_are_listed_with_their_page_date_and_whether_dealt_with(as_editor, report):
    response = as_editor.get(REPORTS)
    [row] = table_rows(response)
    assert row[1:4] == ["20 Nov 2026", "/privacy/", "It does not say how long feedback is kept."]
    assert page(response).select_one("tbody td.field-dealt_with img")["alt"] == "False"


def test_an_editor_can_read_a_report_but_not_mark_it_dealt_with(as_editor, report):
    change = as_editor.get(reverse("admin:feedback_problemreport_change", args=[report.pk]))
    assert change.status_code == 200
    assert "It does not say how long feedback is kept." in text_of(page(change).select_one("#content-main"))
    assert page(change).select_one("form.mark-dealt-with") is None
    actions = [
        option["value"] for option in page(as_editor.get(REPORTS)).select("select[name=action] option")
    ]
    assert "mark_dealt_with" not in actions
    as_editor.post(REPORTS, {"action": "mark_dealt_with", "_selected_action": [report.pk]})
    refused = as_editor.post(reverse("admin:feedback_problemreport_dealt_with", args=[report.pk]))
    assert refused.status_code == 403
    report.refresh_from_db()
    assert not report.dealt_with


def test_a_publisher_marks_reports_dealt_with_from_the_list(as_publisher, publisher, report):
    response = as_publisher.post(REPORTS, {"action": "mark_dealt_with", "_selected_action": [report.pk]})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.dealt_with and report.dealt_with_by == publisher and report.dealt_with_on is not None


def test_a_publisher_marks_a_report_dealt_with_from_its_own_page_and_can_undo_it(as_publisher, report):
    change = page(as_publisher.get(reverse("admin:feedback_problemreport_change", args=[report.pk])))
    button = change.select_one("form.mark-dealt-with button")
    assert text_of(button) == "Mark as dealt with"
    response = as_publisher.post(change.select_one("form.mark-dealt-with")["action"])
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.dealt_with
    as_publisher.post(reverse("admin:feedback_problemreport_dealt_with", args=[report.pk]))
    report.refresh_from_db()
    assert not report.dealt_with


def test_staff_without_feedback_permissions_cannot_see_it(as_staff_without_permissions, report, answers):
    for address in (ANSWERS, REPORTS, reverse("admin:feedback_problemreport_change", args=[report.pk])):
        assert as_staff_without_permissions.get(address).status_code == 403
    home = page(as_staff_without_permissions.get(reverse("admin:index")))
    assert home.select_one(".new-problem-reports") is None


@pytest.mark.parametrize("role", ["as_editor", "as_publisher"])
def test_nobody_adds_or_changes_what_families_sent(request, report, role):
    browser = request.getfixturevalue(role)
    assert browser.get(reverse("admin:feedback_problemreport_add")).status_code == 403
    change = page(browser.get(reverse("admin:feedback_problemreport_change", args=[report.pk])))
    assert change.select("#content-main textarea, #content-main input[name=text]") == []


def test_a_spreadsheet_of_reports_never_runs_what_a_family_typed(as_editor, report):
    hostile = ProblemReport.objects.create(page="/", text='=HYPERLINK("https://evil.example","Click")')
    response = as_editor.post(
        REPORTS, {"action": "download_csv", "_selected_action": [report.pk, hostile.pk]}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Received", "Page", "What they wrote", "Dealt with", "Dealt with on"]
    texts = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("https://evil.example","Click")' in texts
    assert "It does not say how long feedback is kept." in texts


def test_the_admin_home_shows_new_reports_until_they_are_dealt_with(as_editor, as_publisher, report):
    panel = page(as_editor.get(reverse("admin:index"))).select_one(".new-problem-reports")
    assert "It does not say how long feedback is kept." in text_of(panel)
    assert panel.find("a", string="/privacy/")["href"] == reverse(
        "admin:feedback_problemreport_change", args=[report.pk]
    )
    as_publisher.post(reverse("admin:feedback_problemreport_dealt_with", args=[report.pk]))
    panel = page(as_editor.get(reverse("admin:index"))).select_one(".new-problem-reports")
    assert "No new problem reports." in text_of(panel)


def test_a_publisher_can_delete_a_report_that_names_someone_and_an_editor_cannot(
    as_editor, as_publisher, report
):
    delete = reverse("admin:feedback_problemreport_delete", args=[report.pk])
    assert as_editor.post(delete, {"post": "yes"}).status_code == 403
    assert ProblemReport.objects.filter(pk=report.pk).exists()
    assert as_publisher.post(delete, {"post": "yes"}).status_code == 302
    assert not ProblemReport.objects.filter(pk=report.pk).exists()
