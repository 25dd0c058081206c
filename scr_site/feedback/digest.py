"""The weekly email to the board: how pages were rated, and how many problems were reported.

It counts; it does not copy what families wrote. Email is harder to keep private than the
admin, and is kept for longer than FEEDBACK_RETENTION_MONTHS: reports are read in the admin.
Each summary starts the day after the last one ended, so no day is missed or counted twice
however often the command runs.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from scr_site.leaflet.models import SiteSettings

from .models import DigestSent, ProblemReport, UsefulnessAnswer
from .summary import list_page_counts

WEEK = datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)


class NotDue(Exception):
    """Why no summary was sent (the message says, for the person running the command)."""


def _period(today):
    """The whole days a summary sent today covers: from the day after the last one, to yesterday."""
    covers_to = today - DAY
    last = DigestSent.objects.first()
    covers_from = last.covers_to + DAY if last else covers_to - WEEK + DAY
    if covers_to - covers_from + DAY < WEEK:
        raise NotDue(
            f"the last summary covered up to {last.covers_to:%-d %B %Y}; the next is due on "
            f"{last.covers_to + WEEK + DAY:%-d %B %Y}"
        )
    return covers_from, covers_to


def send_digest(today=None):
    """Email the summary if a week has passed since the last; return the DigestSent, or raise NotDue."""
    today = today or timezone.localdate()
    address = SiteSettings.load().feedback_digest_email
    if not address:
        raise NotDue("no address is set: fill in 'send the weekly feedback summary to' in Site settings")
    covers_from, covers_to = _period(today)
    received = {"received_on__range": (covers_from, covers_to)}
    reports = ProblemReport.objects.filter(**received)
    admin_reports = reverse("admin:feedback_problemreport_changelist")
    context = {
        "covers_from": covers_from,
        "covers_to": covers_to,
        "pages": list_page_counts(UsefulnessAnswer.objects.filter(**received)),
        "reports": reports.count(),
        "report_pages": list(reports.values_list("page", flat=True).distinct().order_by("page")),
        "waiting": ProblemReport.objects.filter(dealt_with=False).count(),
        "reports_url": f"{settings.SITE_URL}{admin_reports}?dealt_with__exact=0",
        "answers_url": f"{settings.SITE_URL}{reverse('admin:feedback_usefulnessanswer_changelist')}",
    }
    subject = f"Feedback from families: {covers_from:%-d %B} to {covers_to:%-d %B %Y}"
    send_mail(subject, render_to_string("feedback/digest_email.txt", context), None, [address])
    return DigestSent.objects.create(sent_to=address, covers_from=covers_from, covers_to=covers_to)
