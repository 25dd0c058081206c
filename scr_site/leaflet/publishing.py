"""Drafts and published copies.

Staff always edit the content rows themselves: a row is the draft. Publishing copies
the row's fields into a PublishedCopy, and the public pages are built only from those
copies. So a draft change, a new question or a deleted one reaches families only when
someone with the right to publish says so, and a restored old version (which rewrites
the row) is a draft too until it is published.
"""

import json
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

# Bookkeeping fields that are never part of what families see.
NOT_PUBLISHED = {
    "id",
    "updated_at",
    "source_key",
    # Written by check_links, not by staff.
    "link_status",
    "link_final_url",
    "link_problem",
    "link_checked_at",
}


class PublishedCopy(models.Model):
    """What families see of one content row, as it was when it was last published."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    data = models.JSONField(encoder=DjangoJSONEncoder)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_published_copy_per_item")
        ]
        verbose_name_plural = "published copies"

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} published {self.published_at:%Y-%m-%d %H:%M}"

    def as_instance(self):
        """An unsaved model instance holding the published values, for templates."""
        model = self.content_type.model_class()
        instance = model(pk=self.object_id)
        for field in published_fields(model):
            if field.attname in self.data:
                setattr(instance, field.attname, field.to_python(self.data[field.attname]))
        instance.published_at = self.published_at
        return instance


def published_fields(model):
    return [field for field in model._meta.concrete_fields if field.attname not in NOT_PUBLISHED]


def draft_data(obj):
    """The row's publishable values, in the same JSON form a PublishedCopy stores."""
    values = {field.attname: field.value_from_object(obj) for field in published_fields(type(obj))}
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def copies_of(model):
    return PublishedCopy.objects.filter(content_type=ContentType.objects.get_for_model(model))


def published_copy(obj):
    return copies_of(type(obj)).filter(object_id=obj.pk).first()


def _ordering_key(model):
    names = [name.lstrip("-") for name in model._meta.ordering if name.lstrip("-") != "pk"]
    descending = {name.lstrip("-") for name in model._meta.ordering if name.startswith("-")}

    def key(instance):
        # Booleans and numbers only are ordered descending here ("-is_home_page").
        return (
            *[-getattr(instance, n) if n in descending else getattr(instance, n) for n in names],
            instance.pk,
        )

    return key


class PublishedSite:
    """Everything families can see, read from the published copies in one query."""

    def __init__(self, models=None):
        copies = PublishedCopy.objects.select_related("content_type")
        if models is not None:
            copies = copies.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
        self._items = defaultdict(list)
        for copy in copies:
            instance = copy.as_instance()
            self._items[type(instance)].append(instance)
        for model, items in self._items.items():
            items.sort(key=_ordering_key(model))

    def items(self, model, **lookups):
        """The model's published items whose published values match `lookups`, in order."""
        return [
            item
            for item in self._items.get(model, [])
            if all(getattr(item, k) == v for k, v in lookups.items())
        ]


def published_site(request):
    """The PublishedSite for this request, read once however many parts of the page need it."""
    if not hasattr(request, "_published_site"):
        request._published_site = PublishedSite()
    return request._published_site


def live_instances(model, **lookups):
    return PublishedSite(models=[model]).items(model, **lookups)


class Status(models.TextChoices):
    PUBLISHED = "published", "Published"
    CHANGED = "changed", "Draft changes not yet published"
    NEW = "new", "Draft, never published"


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
    from .models import Board, GuidanceLink, Section

    items, removed = [(leaflet, published_copy(leaflet))], []
    for rows, copies in [
        (leaflet.sections.all(), copies_of(Section).filter(data__leaflet_id=leaflet.pk)),
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


def withdraw(model, pk):
    """Take an item off the public site now."""
    copies_of(model).filter(object_id=pk).delete()


def mark_reviewed(obj, user, on):
    """Record a review. Review dates are shown to families at once: a review changes no content."""
    from .models import a_year_after

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
