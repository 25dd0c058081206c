"""What happened to an item besides saves: publishing and approval, kept in the admin's log."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

PUBLISHED = "Published."
SENT_FOR_APPROVAL = "Sent for approval"
APPROVED = "Approved and published"
SENT_BACK = "Sent back"

_KINDS = (PUBLISHED, SENT_FOR_APPROVAL, APPROVED, SENT_BACK)


def record(obj, user, what, comment=""):
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        change_message=f"{what}: {comment}" if comment else what,
    )


def activity_of(obj):
    """Publishing and approval steps for `obj`, newest first."""
    kinds = Q()
    for kind in _KINDS:
        kinds |= Q(change_message__startswith=kind)
    return (
        LogEntry.objects.filter(
            kinds, content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time", "-pk")
    )
