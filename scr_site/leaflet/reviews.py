"""Review dates: what is due, and reminding the people responsible."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from .models import Leaflet, Page, ReviewReminder

DUE_SOON = datetime.timedelta(days=30)
REMIND_EVERY = datetime.timedelta(days=7)
REVIEWED_MODELS = [Leaflet, Page]


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
        item.admin_url = reverse(f"admin:leaflet_{item._meta.model_name}_change", args=[item.pk])
    return sorted(items, key=lambda item: item.next_review_due)


def send_reminders(now=None):
    """Email each due item's contact, at most once a week per item. Returns (sent, skipped) lists."""
    now = now or timezone.now()
    sent, skipped = [], []
    for item in due_for_review(timezone.localdate(now)):
        content_type = ContentType.objects.get_for_model(item)
        if not item.review_contact:
            skipped.append((item, "no one to remind: add an address in 'who to remind'"))
            continue
        recently = ReviewReminder.objects.filter(
            content_type=content_type, object_id=item.pk, sent_at__gt=now - REMIND_EVERY
        ).exists()
        if recently:
            skipped.append((item, "already reminded this week"))
            continue
        send_mail(_subject(item), _body(item), None, [item.review_contact])
        ReviewReminder.objects.create(
            content_type=content_type, object_id=item.pk, sent_to=item.review_contact, sent_at=now
        )
        sent.append(item)
    return sent, skipped


def _subject(item):
    state = "overdue" if item.review_overdue else "due soon"
    return f"Review {state}: {item}"


def _body(item):
    due = item.next_review_due.strftime("%-d %B %Y")
    return (
        f"“{item}” on the Serious Case Reviews information website is due for review on {due}.\n\n"
        "Please check that everything on it is still right, make any changes, and then mark it as "
        "reviewed in the admin (choose it in the list, then 'Mark as reviewed today'):\n\n"
        f"{settings.SITE_URL}{item.admin_url}\n"
    )
