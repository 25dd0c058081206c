"""What happened to an item besides its saves: each step of publishing, as a typed event."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ActivityQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Activity(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Sent for approval"
        APPROVED = "approved", "Approved: now live"
        SENT_BACK = "sent_back", "Sent back"
        PUBLISHED = "published", "Published: now live"
        WITHDRAWN = "withdrawn", "Withdrawn: families no longer see it"
        RESTORED = "restored", "Earlier version restored as a draft"
        DRAFT_REPLACED = "draft_replaced", "Draft replaced by a restore"
        REQUEST_CLOSED = "request_closed", "Request for approval closed"
        IMPORTED = "imported", "Translation file brought in as a draft"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # Kept so the entry still reads sensibly once the item is deleted.
    object_repr = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    # The person whose work this step concerns, when it is someone else's (a replaced draft, say).
    for_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name_plural = "activity"

    def __str__(self):
        return f"{self.object_repr}: {self.get_kind_display()}"
