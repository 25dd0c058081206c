"""The board gets a weekly email counting the feedback, never copying what families wrote."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from scr_site.feedback.digest import NotDue, send_digest
from scr_site.feedback.models import DigestSent, ProblemReport, UsefulnessAnswer
from scr_site.leaflet.models import SiteSettings

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)
LAST_WEEK = [MONDAY - datetime.timedelta(days=n) for n in range(1, 8)]


@pytest.fixture
def digest_address(db):
    site_settings = SiteSettings.load()
    site_settings.feedback_digest_email = "web-team@peterborough.gov.uk"
    site_settings.save()
    return site_settings.feedback_digest_email


@pytest.fixture
def last_weeks_feedback(db):
    for day, path, useful in [
        (LAST_WEEK[0], "/", True),
        (LAST_WEEK[3], "/", False),
        (LAST_WEEK[6], "/privacy/", True),
    ]:
        UsefulnessAnswer.objects.create(page=path, useful=useful, received_on=day)
    # Today's and older feedback belongs to other weeks.
    UsefulnessAnswer.objects.create(page="/", useful=True, received_on=MONDAY)
    UsefulnessAnswer.objects.create(page="/", useful=True, received_on=MONDAY - datetime.timedelta(days=8))
    ProblemReport.objects.create(
        page="/privacy/", text="The privacy page is unclear.", received_on=LAST_WEEK[2]
    )


def test_the_summary_counts_last_weeks_yes_and_no_per_page_and_new_reports(
    digest_address, last_weeks_feedback
):
    digest = send_digest(today=MONDAY)
    [email] = mail.outbox
    assert email.to == [digest_address]
    assert email.subject == "Feedback from families: 23 November to 29 November 2026"
    assert "/: 1 Yes, 1 No" in email.body
    assert "/privacy/: 1 Yes, 0 No" in email.body
    assert "1 new report, about: /privacy/" in email.body
    assert "/admin/feedback/problemreport/?dealt_with__exact=0" in email.body
    assert (digest.covers_from, digest.covers_to) == (LAST_WEEK[-1], LAST_WEEK[0])


def test_the_summary_never_copies_what_a_family_wrote(digest_address, last_weeks_feedback):
    send_digest(today=MONDAY)
    assert "The privacy page is unclear." not in mail.outbox[0].body


def test_it_is_sent_once_a_week_however_often_the_command_runs(digest_address, last_weeks_feedback):
    send_digest(today=MONDAY)
    for day in range(1, 7):
        with pytest.raises(NotDue, match="the next is due on 7 December 2026"):
            send_digest(today=MONDAY + datetime.timedelta(days=day))
    nextweek = send_digest(today=MONDAY + datetime.timedelta(days=7))
    assert (nextweek.covers_from, nextweek.covers_to) == (MONDAY, MONDAY + datetime.timedelta(days=6))
    assert len(mail.outbox) == 2


def test_after_a_gap_the_summary_covers_every_day_since_the_last(digest_address):
    DigestSent.objects.create(
        sent_to=digest_address, covers_from=datetime.date(2026, 11, 1), covers_to=datetime.date(2026, 11, 7)
    )
    digest = send_digest(today=MONDAY)
    assert (digest.covers_from, digest.covers_to) == (datetime.date(2026, 11, 8), LAST_WEEK[0])


def test_without_an_address_nothing_is_sent_and_the_command_says_why(db):
    out = StringIO()
    call_command("feedback_digest", stdout=out)
    assert "No summary sent: no address is set" in out.getvalue()
    assert mail.outbox == []


def test_the_command_reports_what_it_sent(digest_address):
    out = StringIO()
    call_command("feedback_digest", stdout=out)
    assert f"to {digest_address}." in out.getvalue()
    assert DigestSent.objects.count() == 1


def test_when_the_email_cannot_be_sent_nothing_is_recorded_so_the_next_run_tries_again(
    digest_address, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server unavailable")

    monkeypatch.setattr("scr_site.feedback.digest.send_mail", refuse)
    with pytest.raises(CommandError, match="could not be sent"):
        call_command("feedback_digest", stdout=StringIO())
    assert not DigestSent.objects.exists()
