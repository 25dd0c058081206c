"""Feedback is kept for the retention period the privacy page gives, then deleted."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from scr_site.feedback.models import ProblemReport, UsefulnessAnswer
from scr_site.feedback.retention import months_before, purge

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)


def received(day):
    UsefulnessAnswer.objects.create(page="/", useful=True, received_on=day)
    ProblemReport.objects.create(page="/", text=f"Sent on {day}", received_on=day)


def kept_days():
    return sorted(set(UsefulnessAnswer.objects.values_list("received_on", flat=True))), sorted(
        set(ProblemReport.objects.values_list("received_on", flat=True))
    )


def test_purge_deletes_only_what_is_past_twelve_months():
    for day in [datetime.date(2025, 11, 29), datetime.date(2025, 11, 30), datetime.date(2026, 6, 1), TODAY]:
        received(day)
    answers, reports, cutoff = purge(today=TODAY)
    assert (answers, reports, cutoff) == (1, 1, datetime.date(2025, 11, 30))
    kept = [datetime.date(2025, 11, 30), datetime.date(2026, 6, 1), TODAY]
    assert kept_days() == (kept, kept)


def test_the_retention_period_is_a_setting(settings):
    settings.FEEDBACK_RETENTION_MONTHS = 3
    received(datetime.date(2026, 8, 29))
    received(datetime.date(2026, 8, 30))
    purge(today=TODAY)
    assert kept_days() == ([datetime.date(2026, 8, 30)], [datetime.date(2026, 8, 30)])


def test_reports_dealt_with_or_not_go_at_the_same_time():
    received(datetime.date(2024, 1, 1))
    ProblemReport.objects.update(dealt_with=True)
    received(datetime.date(2024, 1, 2))
    purge(today=TODAY)
    assert not ProblemReport.objects.exists()


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
        (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
    ],
)
def test_months_are_counted_by_the_calendar(day, months, expected):
    assert months_before(day, months) == expected


def test_the_command_says_what_it_deleted():
    received(datetime.date(2020, 1, 1))
    out = StringIO()
    call_command("purge_feedback", stdout=out)
    assert "Deleted 1 answer(s) and 1 problem report(s) received before" in out.getvalue()
    assert "(kept for 12 months)" in out.getvalue()
    assert not UsefulnessAnswer.objects.exists()
