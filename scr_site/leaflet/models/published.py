"""What families see: a published copy of each content row.

Staff always edit the content rows themselves: a row is the draft. Publishing copies
the row's fields into a PublishedCopy (see scr_site/leaflet/drafts/), and the public
pages are built only from those copies.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

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


def published_fields(model):
    return [field for field in model._meta.concrete_fields if field.attname not in NOT_PUBLISHED]


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


def copies_of(model):
    return PublishedCopy.objects.filter(content_type=ContentType.objects.get_for_model(model))


def published_copy(obj):
    return copies_of(type(obj)).filter(object_id=obj.pk).first()


def ordering_key(model):
    # The model's own fields only (a relation by its id); an order across relations is left out.
    own = [name for name in model._meta.ordering if "__" not in name and name.lstrip("-") != "pk"]
    names = [model._meta.get_field(name.lstrip("-")).attname for name in own]
    descending = {model._meta.get_field(name.lstrip("-")).attname for name in own if name.startswith("-")}

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
            items.sort(key=ordering_key(model))

    def items(self, model, **lookups):
        """The model's published items whose published values match `lookups`, in order."""
        return [
            item
            for item in self._items.get(model, [])
            if all(getattr(item, k) == v for k, v in lookups.items())
        ]


def published_site(request):
    """The content this request's page is built from, read once however many parts of the page need it.

    What is published; for a staff preview, what is published with the drafts in place
    (request.preview_site), so the footer and the words around the content match the preview.
    """
    preview = getattr(request, "preview_site", None)
    if preview is not None:
        return preview
    if not hasattr(request, "_published_site"):
        request._published_site = PublishedSite()
    return request._published_site


def visible_to_families(model, lookups):
    """Lookups plus, where the model has one, its own 'show to families' switch."""
    if any(field.name == "show_to_families" for field in model._meta.fields):
        return {"show_to_families": True, **lookups}
    return lookups


def published_items(model, **lookups):
    """Every published item of `model` whose published values match `lookups`, hidden ones included."""
    return PublishedSite(models=[model]).items(model, **lookups)


class PublishedQuerySet(models.QuerySet):
    def published_list(self, **lookups):
        """The one place that decides what families can see: the published copies.

        Returns a list of unsaved instances holding the published values, filtered on
        those values (for example `published_list(slug="privacy")`), in the model's order.
        """
        return published_items(self.model, **visible_to_families(self.model, lookups))
