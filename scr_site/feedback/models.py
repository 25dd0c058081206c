"""What families tell the board about a page, kept without anything that could identify them.

Nothing here records who sent it: no internet address, no browser, and no time of day
(a date only, so an entry cannot be lined up with the web server's request log). Problem
reports hold only text that has already been through scrubbing.py.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class UsefulnessAnswer(models.Model):
    """One press of Yes or No under "Is this page useful?"."""

    page = models.CharField(max_length=300, help_text="The address of the page, for example /privacy/.")
    useful = models.BooleanField()
    received_on = models.DateField(default=timezone.localdate, db_index=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = "answer to “Is this page useful?”"
        verbose_name_plural = "answers to “Is this page useful?”"

    def __str__(self):
        return f"{'Yes' if self.useful else 'No'} for {self.page} on {self.received_on:%-d %B %Y}"


class ProblemReport(models.Model):
    """What someone wrote under "Report a problem with this page", with personal details removed."""

    page = models.CharField(max_length=300, help_text="The address of the page, for example /privacy/.")
    text = models.TextField(help_text="What they wrote, with emails, telephone numbers and the like removed.")
    received_on = models.DateField(default=timezone.localdate, db_index=True)
    dealt_with = models.BooleanField(default=False, db_index=True)
    dealt_with_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dealt_with_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["dealt_with", "-received_on", "-pk"]
        permissions = [("mark_dealt_with", "Can mark problem reports as dealt with")]

    def __str__(self):
        return f"Problem with {self.page} reported on {self.received_on:%-d %B %Y}"


class RecentPosts(models.Model):
    """How many posts one (hashed) address has made in the current window, when there is no Redis.

    The key is a salted hash of the address and the window, with a salt that changes every
    day; the row is deleted once its window is over.
    """

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name_plural = "recent posts"

    def __str__(self):
        return f"{self.count} post(s) until {self.expires_at:%H:%M}"


class DigestSent(models.Model):
    """A weekly summary email that has been sent, so no week is summarised twice or missed."""

    sent_at = models.DateTimeField(default=timezone.now)
    sent_to = models.EmailField()
    covers_from = models.DateField()
    covers_to = models.DateField()

    class Meta:
        ordering = ["-covers_to"]
        verbose_name = "weekly feedback summary sent"
        verbose_name_plural = "weekly feedback summaries sent"

    def __str__(self):
        return f"Summary of {self.covers_from:%-d %B} to {self.covers_to:%-d %B %Y}"
