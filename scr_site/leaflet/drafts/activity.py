"""Each step of publishing and approval, kept as a typed event in the item's history."""

from django.contrib.contenttypes.models import ContentType

from ..models import Activity

Kind = Activity.Kind


def record(obj, user, kind, comment="", for_user=None):
    """Keep one step (an Activity.Kind) taken on `obj` by `user`."""
    content_type = ContentType.objects.get_for_model(obj)
    return record_about(content_type, obj.pk, str(obj), user, kind, comment, for_user)


def record_about(content_type, object_id, name, user, kind, comment="", for_user=None):
    """Keep one step taken on the item `object_id` of `content_type`, which may be deleted by now."""
    return Activity.objects.create(
        content_type=content_type,
        object_id=object_id,
        object_repr=name[:200],
        kind=kind,
        user=user if getattr(user, "pk", None) else None,
        comment=comment,
        for_user=for_user,
    )


def activity_of(obj):
    """Every step taken on `obj`, newest first."""
    return Activity.objects.for_object(obj).select_related("user", "for_user")
