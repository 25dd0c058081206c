"""Deleting feedback once it has been kept for FEEDBACK_RETENTION_MONTHS, as the privacy page promises."""

import calendar
import datetime

from django.conf import settings
from django.utils import timezone

from .models import DigestSent, ProblemReport, RecentPosts, UsefulnessAnswer


def months_before(day, months):
    """The same day `months` months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def oldest_kept(today=None):
    """Feedback received before this day is past its retention period."""
    return months_before(today or timezone.localdate(), settings.FEEDBACK_RETENTION_MONTHS)


def purge(today=None):
    """Delete everything past retention; return how many answers and reports went, and the cut-off day."""
    cutoff = oldest_kept(today)
    answers, _ = UsefulnessAnswer.objects.filter(received_on__lt=cutoff).delete()
    reports, _ = ProblemReport.objects.filter(received_on__lt=cutoff).delete()
    DigestSent.objects.filter(covers_to__lt=cutoff).delete()
    # Rate-limit counts whose hour is over (normally tidied as posts arrive).
    RecentPosts.objects.filter(expires_at__lte=timezone.now()).delete()
    return answers, reports, cutoff
