"""What is published, and publishing it."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from ..models import (
    Board,
    BoardTranslation,
    GuidanceLink,
    GuidanceLinkTranslation,
    InterfaceText,
    Leaflet,
    LeafletTranslation,
    PublishedCopy,
    Question,
    QuestionTranslation,
)
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


def _together(obj):
    """The groups of rows published with `obj`, each with the published copies they replace."""
    if isinstance(obj, Leaflet):
        return [
            (obj.questions.all(), copies_of(Question).filter(data__leaflet_id=obj.pk)),
            (Board.objects.all(), copies_of(Board)),
            (GuidanceLink.objects.all(), copies_of(GuidanceLink)),
        ]
    if isinstance(obj, LeafletTranslation):
        language = obj.language_id
        questions = set(obj.english.questions.values_list("pk", flat=True))
        questions |= {copy.object_id for copy in copies_of(Question).filter(data__leaflet_id=obj.english_id)}
        in_language = {"data__language_id": language}
        return [
            (
                QuestionTranslation.objects.filter(language_id=language, english__leaflet_id=obj.english_id),
                copies_of(QuestionTranslation).filter(**in_language, data__english_id__in=questions),
            ),
            *[
                (model.objects.filter(language_id=language), copies_of(model).filter(**in_language))
                for model in (BoardTranslation, GuidanceLinkTranslation, InterfaceText)
            ],
        ]
    return []


def changes(obj):
    """Everything publishing `obj` would change, as its preview shows it.

    Returns (items, removed): each draft row publishing would publish (for a leaflet, its
    questions, the boards and the guidance links; for a leaflet's translation, the
    translations of those and of the site's own words) with its current published copy,
    or None; and the published copies whose rows have since been deleted.
    """
    items, removed = [(obj, published_copy(obj))], []
    for rows, copies in _together(obj):
        by_id = {copy.object_id: copy for copy in copies.select_related("content_type")}
        items += [(row, by_id.pop(row.pk, None)) for row in rows]
        removed += by_id.values()
    return items, removed


def item_status(obj):
    """What publishing `obj` would change, counting everything published with it."""
    items, removed = changes(obj)
    own = status_of(*items[0])
    if own == Status.PUBLISHED and (removed or any(status_of(*item) != Status.PUBLISHED for item in items)):
        return Status.CHANGED
    return own


def publish(obj, user):
    """Make the row's current values the ones families see.

    An item published unchanged keeps its date, so "Last updated" and "Live since" mean
    the last time its words changed, not the last time something beside it did.
    """
    data = draft_data(obj)
    copy = published_copy(obj)
    if copy is not None and copy.data == data:
        return
    PublishedCopy.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults={"data": data, "published_at": timezone.now(), "published_by": user},
    )


class TestLanguageNotPublished(Exception):
    """Test languages are for previews only: families never see them."""


@transaction.atomic
def publish_item(obj, user):
    """Publish `obj` as its preview shows it, with everything published together with it.

    For a leaflet: its questions, the boards and the guidance links; what was deleted in
    the draft disappears from the public site now.
    """
    if getattr(getattr(obj, "language", None), "is_test", False):
        raise TestLanguageNotPublished(f"“{obj}” is a test language, for previews only.")
    items, removed = changes(obj)
    for row, _ in items:
        publish(row, user)
    for copy in removed:
        copy.delete()


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
