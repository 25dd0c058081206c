"""Review dates: what is due, and reminding the people responsible.

Reminders are about what families see, so they are read from the published copies:
an item never published, or hidden from families, is not reminded, and the title and the
address reminded are the ones a Publisher published, never a draft's. They go only to
addresses in the domains REVIEW_REMINDER_DOMAINS allows, and one item's failure never
stops the others.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.utils import timezone

from .admin_links import admin_url
from .models import ReviewReminder
from .models.published import published_items, visible_to_families
from .models.reviews import ReviewDates
from .registry import PUBLISHED
from .validators import one_line

logger = logging.getLogger(__name__)

DUE_SOON = datetime.timedelta(days=30)
REMIND_EVERY = datetime.timedelta(days=7)
# Translations have review dates of their own: a translation is checked as well as the English.
REVIEWED_MODELS = [model for model in PUBLISHED if issubclass(model, ReviewDates)]


def due_for_review(today=None):
    """Leaflets and pages whose review is overdue or due within 30 days, soonest first."""
    today = today or timezone.localdate()
    items = [
        item
        for model in REVIEWED_MODELS
        for item in model.objects.filter(next_review_due__lte=today + DUE_SOON)
    ]
    for item in items:
        item.review_overdue = item.next_review_due < today
        item.admin_url = admin_url(item)
    return sorted(items, key=lambda item: item.next_review_due)


def published_due_for_review(today=None):
    """Published leaflets and pages shown to families whose review is overdue or due within 30 days."""
    today = today or timezone.localdate()
    items = [
        item
        for model in REVIEWED_MODELS
        for item in published_items(model, **visible_to_families(model, {}))
        if item.next_review_due and item.next_review_due <= today + DUE_SOON
    ]
    for item in items:
        item.review_overdue = item.next_review_due < today
        item.admin_url = admin_url(item)
    return sorted(items, key=lambda item: item.next_review_due)


def send_reminders(now=None):
    """Email each due item's contact, at most once a week per item. Returns (sent, skipped) lists."""
    now = now or timezone.now()
    sent, skipped = [], []
    for item in published_due_for_review(timezone.localdate(now)):
        content_type = ContentType.objects.get_for_model(item)
        reason = _reason_not_to_remind(item, content_type, now)
        if reason:
            skipped.append((item, reason))
            continue
        try:
            send_mail(_subject(item), _body(item), None, [item.review_contact])
        except Exception as error:
            # One item's failure (a bad address, the mail server refusing it) never stops the others.
            logger.exception("A review reminder about %s %s failed.", item._meta.model_name, item.pk)
            skipped.append((item, f"the email could not be sent ({type(error).__name__})"))
            continue
        ReviewReminder.objects.create(
            content_type=content_type, object_id=item.pk, sent_to=item.review_contact, sent_at=now
        )
        sent.append(item)
    return sent, skipped


def _reason_not_to_remind(item, content_type, now):
    if not item.review_contact:
        return "no one to remind: add an address in 'who to remind' and publish it"
    if not may_be_reminded(item.review_contact):
        allowed = ", ".join(settings.REVIEW_REMINDER_DOMAINS) or "none are set"
        return (
            f"{one_line(item.review_contact)} is not in a domain reminders may be sent to "
            f"(DJANGO_REVIEW_REMINDER_DOMAINS: {allowed})"
        )
    recently = ReviewReminder.objects.filter(
        content_type=content_type, object_id=item.pk, sent_at__gt=now - REMIND_EVERY
    ).exists()
    return "already reminded this week" if recently else ""


def may_be_reminded(address):
    """Whether `address` is one email address in a domain REVIEW_REMINDER_DOMAINS allows, or below one."""
    try:
        validate_email(address)
    except ValidationError:
        return False
    domain = address.rpartition("@")[2].lower()
    return any(
        domain == allowed or domain.endswith(f".{allowed}")
        for allowed in (name.lower().strip(".") for name in settings.REVIEW_REMINDER_DOMAINS)
        if allowed
    )


def title_of(item):
    """The item's title on one line, as it can safely go into an email header or a log."""
    return one_line(str(item))


def _subject(item):
    state = "overdue" if item.review_overdue else "due soon"
    return f"Review {state}: {title_of(item)}"


def _body(item):
    due = item.next_review_due.strftime("%-d %B %Y")
    return (
        f"“{title_of(item)}” on the Serious Case Reviews information website is due for review on {due}.\n\n"
        "Please check that everything on it is still right, make any changes, and then mark it as "
        "reviewed in the admin (choose it in the list, then 'Mark as reviewed today'):\n\n"
        f"{settings.SITE_URL}{item.admin_url}\n"
    )
