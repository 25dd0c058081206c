"""Review dates: when a leaflet or page was last checked as still true."""

from django.conf import settings
from django.db import models
from django.utils import timezone


def a_year_after(day):
    """The same date next year (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def a_year_after_today():
    return a_year_after(timezone.localdate())


class ReviewDates(models.Model):
    """When a leaflet or page was last checked as still true, and when it must be checked again."""

    last_reviewed_on = models.DateField(
        null=True, blank=True, help_text="The day someone last checked that everything here is still right."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did that check.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When it must be checked again. Left empty, it is set to a year after the last review "
        "(or a year from today).",
    )
    review_contact = models.EmailField(
        "who to remind",
        blank=True,
        help_text="This address gets an email when the review is due or overdue.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.next_review_due:
            self.next_review_due = a_year_after(self.last_reviewed_on or timezone.localdate())
        super().save(*args, **kwargs)


class ReviewReminder(models.Model):
    """An email sent about a review that is due, so nobody is reminded more than once a week."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id", "sent_at"])]

    def __str__(self):
        return f"Reminder to {self.sent_to} on {self.sent_at:%d %B %Y}"
