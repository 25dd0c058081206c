"""What publishing an item would put live, captured at one moment.

A Publication holds every row that publishing an item publishes with it (for a leaflet, its
questions, the boards and the guidance links; for a leaflet's translation, the translations
of those and of the site's own words in that language), each with the values it would
publish, read once when the Publication is made, and the published copies it would remove.

Previews show a Publication, approval requests record one (its fingerprint), and publishing
writes one. Publishing writes the values captured, never the rows as they are by then, so
what goes live is what was looked at.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder

from ..models import InterfaceText, Leaflet, LeafletTranslation, PublishedCopy, Question, QuestionTranslation
from ..models.published import copies_of, published_copy, published_fields
from ..registry import ON_EVERY_LEAFLET, translation_of
from .diffs import changes_between
from .states import Standing, standing

# Review dates are recorded when someone checks the content, and shown to families at once
# (publishing.mark_reviewed): marking a review is not a change to what was approved.
REVIEW_FIELDS = {"last_reviewed_on", "reviewed_by_id", "next_review_due"}


def as_stored(values):
    """{attname: value} in the JSON form a PublishedCopy stores: dates as text, and so on."""
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def draft_data(obj):
    """The row's publishable values, in the same JSON form a PublishedCopy stores."""
    return as_stored({field.attname: field.value_from_object(obj) for field in published_fields(type(obj))})


def label_of(model):
    return model._meta.label_lower


@dataclass(frozen=True)
class Entry:
    """One row a Publication publishes: the row, the values it publishes, and its copy now."""

    row: object
    data: dict
    copy: PublishedCopy | None

    @property
    def model(self):
        return type(self.row)

    @property
    def standing(self):
        return standing(self.copy.data if self.copy else None, self.data)

    @property
    def is_changed(self):
        return self.standing.has_draft

    @property
    def changes(self):
        """[FieldChange] between what families see and this draft."""
        return changes_between(self.model, self.copy.data if self.copy else {}, self.data)


def _together(obj):
    """The groups of rows published with `obj`, each with the published copies they replace."""
    if isinstance(obj, Leaflet):
        return [
            (obj.questions.all(), copies_of(Question).filter(data__leaflet_id=obj.pk)),
            *[(model.objects.all(), copies_of(model)) for model in ON_EVERY_LEAFLET],
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
                for model in (*map(translation_of, ON_EVERY_LEAFLET), InterfaceText)
            ],
        ]
    return []


@dataclass
class Publication:
    item: object
    entries: list = field(default_factory=list)
    removed: list = field(default_factory=list)  # PublishedCopy rows whose draft rows are gone

    @classmethod
    def of(cls, item):
        """Everything publishing `item` would change, read now."""
        publication = cls(item, [Entry(item, draft_data(item), published_copy(item))])
        for rows, copies in _together(item):
            by_id = {copy.object_id: copy for copy in copies.select_related("content_type")}
            publication.entries += [Entry(row, draft_data(row), by_id.pop(row.pk, None)) for row in rows]
            publication.removed += by_id.values()
        return publication

    @classmethod
    def single(cls, row):
        """Publishing just `row`, without what is published with it (load_content's, row by row)."""
        return cls(row, [Entry(row, draft_data(row), published_copy(row))])

    @property
    def own(self):
        return self.entries[0]

    @property
    def rows(self):
        return [entry.row for entry in self.entries]

    @property
    def changed(self):
        return [entry for entry in self.entries if entry.is_changed]

    @property
    def has_changes(self):
        return bool(self.changed or self.removed)

    @property
    def standing(self):
        """The item's Standing, counting everything published with it as part of its draft."""
        own = self.own.standing
        if self.has_changes and not own.has_draft:
            return Standing(own.state, has_draft=True)
        return own

    @property
    def language(self):
        return getattr(self.item, "language", None)

    # --- what was sent for approval ------------------------------------------------------

    def snapshot(self):
        """The values this publishes, as {"app.model": {pk: values}}, for an approval request to keep."""
        found = {}
        for entry in self.entries:
            values = {name: value for name, value in entry.data.items() if name not in REVIEW_FIELDS}
            found.setdefault(label_of(entry.model), {})[str(entry.row.pk)] = values
        return found

    @property
    def fingerprint(self):
        canonical = json.dumps(self.snapshot(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def differences_from(self, snapshot):
        """What differs between an earlier snapshot and this: [(model, label, kind, [FieldChange])].

        kind is "changed", "added" (not in the snapshot) or "removed" (in it, gone now).
        """
        now = self.snapshot()
        found = []
        for entry in self.entries:
            before = snapshot.get(label_of(entry.model), {}).get(str(entry.row.pk))
            after = now[label_of(entry.model)][str(entry.row.pk)]
            if before is None:
                found.append((entry.model, str(entry.row), "added", []))
            elif before != after:
                found.append(
                    (entry.model, str(entry.row), "changed", changes_between(entry.model, before, after))
                )
        for label, rows in snapshot.items():
            model = ContentType.objects.get_by_natural_key(*label.split(".")).model_class()
            for pk, values in rows.items():
                if pk not in now.get(label, {}):
                    found.append((model, _name(model, values), "removed", []))
        return found


def _name(model, values):
    for name in ("question", "title", "name"):
        if values.get(name):
            return values[name]
    return f"{model._meta.verbose_name} {values.get('id', '')}".strip()
