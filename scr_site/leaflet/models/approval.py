"""An Editor's request that a Publisher approve and publish a draft."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone


class ApprovalQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(state=ApprovalRequest.State.WAITING)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class ApprovalRequest(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for approval"
        APPROVED = "approved", "Approved: now live"
        SENT_BACK = "sent_back", "Sent back"
        CLOSED = "closed", "Closed"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # Kept so the request still reads sensibly if the item is deleted.
    object_repr = models.CharField(max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True, max_length=2000)
    state = models.CharField(max_length=20, choices=State.choices, default=State.WAITING)
    # The draft as it was sent: what publishing the item would put live, item by item, and its
    # fingerprint. Approving publishes exactly this, or is refused (drafts/approval.py).
    draft = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    fingerprint = models.CharField(max_length=64, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(blank=True, max_length=2000)

    objects = ApprovalQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]

    def __str__(self):
        return f"{self.object_repr}: {self.get_state_display()}"

    @property
    def item(self):
        """The item the request is about, or None if it has been deleted since."""
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first()
