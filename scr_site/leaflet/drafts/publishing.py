"""What is published, and publishing it."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from ..models import Board, GuidanceLink, Leaflet, PublishedCopy, Question
from ..models.published import copies_of, published_copy, published_fields
from ..models.reviews import a_year_after


class Status(models.TextChoices):
    PUBLISHED = "published", "No unpublished changes"
    CHANGED = "changed", "Unpublished changes"
    NEW = "new", "Never published"


def draft_data(obj):
    """The row's publishable values, in the same JSON form a PublishedCopy stores."""
    values = {field.attname: field.value_from_object(obj) for field in published_fields(type(obj))}
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def status_of(obj, copy=None):
    copy = copy if copy is not None else published_copy(obj)
    if copy is None:
        return Status.NEW
    return Status.PUBLISHED if copy.data == draft_data(obj) else Status.CHANGED


def leaflet_changes(leaflet):
    """Everything publishing `leaflet` would change, as its preview shows it.

    Returns (items, removed): each draft row publishing would publish (the leaflet, its
    questions, the boards and the guidance links) with its current published copy, or
    None; and the published copies whose rows have since been deleted.
    """
    items, removed = [(leaflet, published_copy(leaflet))], []
    for rows, copies in [
        (leaflet.questions.all(), copies_of(Question).filter(data__leaflet_id=leaflet.pk)),
        (Board.objects.all(), copies_of(Board)),
        (GuidanceLink.objects.all(), copies_of(GuidanceLink)),
    ]:
        by_id = {copy.object_id: copy for copy in copies.select_related("content_type")}
        items += [(row, by_id.pop(row.pk, None)) for row in rows]
        removed += by_id.values()
    return items, removed


def leaflet_status(leaflet):
    """A leaflet's status, counting everything publishing it would publish or withdraw."""
    items, removed = leaflet_changes(leaflet)
    own = status_of(*items[0])
    if own == Status.PUBLISHED and (removed or any(status_of(*item) != Status.PUBLISHED for item in items)):
        return Status.CHANGED
    return own


def item_status(obj):
    """What publishing `obj` would change; for a leaflet, counting everything on it."""
    return leaflet_status(obj) if isinstance(obj, Leaflet) else status_of(obj)


def publish(obj, user):
    """Make the row's current values the ones families see."""
    PublishedCopy.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults={"data": draft_data(obj), "published_at": timezone.now(), "published_by": user},
    )


@transaction.atomic
def publish_leaflet(leaflet, user):
    """Publish a leaflet as its preview shows it: its questions, the boards and the guidance links.

    Questions, boards and links deleted in the draft disappear from the public site now.
    """
    items, removed = leaflet_changes(leaflet)
    for row, _ in items:
        publish(row, user)
    for copy in removed:
        copy.delete()


def publish_item(obj, user):
    """Publish what staff asked to publish: a leaflet with everything on it, anything else by itself."""
    if isinstance(obj, Leaflet):
        publish_leaflet(obj, user)
    else:
        publish(obj, user)


def withdraw(model, pk):
    """Take an item off the public site now."""
    copies_of(model).filter(object_id=pk).delete()


def mark_reviewed(obj, user, on):
    """Record a review. Review dates are shown to families at once: a review changes no content."""
    obj.last_reviewed_on = on
    obj.reviewed_by = user
    obj.next_review_due = a_year_after(on)
    obj.save(update_fields=["last_reviewed_on", "reviewed_by", "next_review_due"])
    copy = published_copy(obj)
    if copy is not None:
        fresh = draft_data(obj)
        copy.data.update(
            {key: fresh[key] for key in ("last_reviewed_on", "reviewed_by_id", "next_review_due")}
        )
        copy.save(update_fields=["data"])
