"""Saved versions of the content, read as snapshots.

Every save in the admin is a django-reversion revision. A leaflet follows its
questions, and saving, moving or deleting a question adds its leaflet to the same
revision, so every revision that touches a leaflet holds the whole of it: its own
fields and every question it had then. Comparing or restoring a leaflet's version
therefore covers its questions too.
"""

from dataclasses import dataclass, field

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from reversion.models import Version

from ..models import Leaflet, Question
from ..models.published import published_fields
from ..registry import PUBLISHED
from .publication import REVIEW_FIELDS, as_stored

# What staff edit with history: the published models (registry.py); a leaflet's versions hold its questions.
HISTORY_MODELS = list(PUBLISHED)


def register():
    """Keep history for the content models. Called once, when the app is ready."""
    if not reversion.is_registered(Leaflet):
        reversion.register(Leaflet, follow=["questions"])
        for model in HISTORY_MODELS[1:]:
            reversion.register(model)
    post_save.connect(_with_its_leaflet, sender=Question, dispatch_uid="question-history-save")
    post_delete.connect(_with_its_leaflet, sender=Question, dispatch_uid="question-history-delete")


def _with_its_leaflet(sender, instance, **kwargs):
    """A change to a question is a change to its leaflet: record the whole leaflet with it."""
    if reversion.is_active():
        leaflet = Leaflet.objects.filter(pk=instance.leaflet_id).first()
        if leaflet is not None:
            reversion.add_to_revision(leaflet)


@dataclass
class Snapshot:
    """An item's values at one moment; for a leaflet, its questions' values too.

    `questions` is None for a leaflet version that holds no questions (saved before
    leaflets recorded them), so their absence is never read as "delete them all".
    """

    model: type
    pk: int
    values: dict
    questions: dict | None = None
    version: Version | None = None
    label: str = field(default="")


def versions_of(obj):
    """Every saved version of `obj`, newest first."""
    return (
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def history_of(obj):
    """The versions worth listing: each one that differs from the one saved before it.

    A question is saved with its leaflet each time the leaflet is, so most of its
    versions repeat the one before; the leaflet's own versions each hold a change.
    """
    versions = list(versions_of(obj))
    if isinstance(obj, Leaflet):
        return versions
    return [
        version
        for position, version in enumerate(versions)
        if position + 1 == len(versions) or version.serialized_data != versions[position + 1].serialized_data
    ]


def last_change(obj):
    """The newest version in which `obj` itself changed, or None if it has no history."""
    versions = history_of(obj)
    return versions[0] if versions else None


def last_own_change(obj):
    """Like last_change, but for a leaflet the newest version in which its own text changed.

    Every question save adds a version of its leaflet, so last_change names whoever last
    touched any question. Whose draft the leaflet's own fields are needs their last change.
    """
    if not isinstance(obj, Leaflet):
        return last_change(obj)
    versions = [(found, content_values(Leaflet, values_of_version(found))) for found in versions_of(obj)]
    for position, (version, values) in enumerate(versions):
        if position + 1 == len(versions) or values != versions[position + 1][1]:
            return version
    return None


def content_values(model, values):
    """The values that say what an item reads, in the JSON form a published copy keeps.

    Review dates and the HTML generated from Markdown are left out: neither is a change of content.
    """
    names = [
        model_field.attname
        for model_field in published_fields(model)
        if model_field.attname not in REVIEW_FIELDS and not model_field.attname.endswith("_html")
    ]
    return as_stored({name: values.get(name) for name in names})


def values_of_version(version):
    """A saved version as {attname: value}."""
    fields = version.field_dict
    return {
        model_field.attname: fields.get(model_field.attname, fields.get(model_field.name))
        for model_field in version._model._meta.concrete_fields
    }


def values_of_row(obj):
    return {
        model_field.attname: model_field.value_from_object(obj) for model_field in obj._meta.concrete_fields
    }


def snapshot_of_version(version):
    model = version._model
    snapshot = Snapshot(model, int(version.object_id), values_of_version(version), version=version)
    if model is Leaflet:
        question_versions = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(Question)
        )
        questions = {}
        for question_version in question_versions:
            values = values_of_version(question_version)
            if values.get("leaflet_id") == snapshot.pk:
                questions[int(question_version.object_id)] = values
        # No questions means none were recorded: restoring such a version leaves them alone.
        snapshot.questions = questions or None
    return snapshot


def snapshot_of_row(obj):
    snapshot = Snapshot(type(obj), obj.pk, values_of_row(obj))
    if isinstance(obj, Leaflet):
        snapshot.questions = {question.pk: values_of_row(question) for question in obj.questions.all()}
    return snapshot
