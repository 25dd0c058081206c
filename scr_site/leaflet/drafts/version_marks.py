"""Marks on an item's history: which saved version is live now, which is the current draft,
and, for a leaflet, which questions each version changed.

A version is live now when what it says is what families are shown: its content values equal
the published copy's (for a leaflet, its questions' values equal theirs too). It is the current
draft when it equals the rows as they are now. Review dates and generated HTML are not content
(history.content_values). When several versions say the same, only the newest is marked.

A leaflet's versions hold its questions. Each row names the questions its version added,
removed, changed or moved, compared with the version saved before it. The question versions of
every listed revision are read in one query, not one per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from ..models import Leaflet, Question
from ..models.published import copies_of, published_copy
from .compare import question_changes
from .history import content_values, values_of_version
from .publication import draft_data
from .states import State, shown


@dataclass
class MarkedVersion:
    version: Version
    live: State | None = None  # LIVE or WITHDRAWN: what families are shown (or were, until withdrawn) is this
    is_current: bool = False
    # For a leaflet: ["Changed: …", "Added: …", …] against the version before, or a note saying why not.
    question_changes: list = field(default_factory=list)
    questions_note: str = ""

    @property
    def marks(self):
        found = []
        if self.live == State.LIVE:
            found.append("Live now")
        elif self.live == State.WITHDRAWN:
            found.append("Withdrawn now")
        if self.is_current and self.live is not None:
            same_as = "live" if self.live == State.LIVE else "the withdrawn version"
            found.append(f"Current draft, the same as {same_as}")
        elif self.is_current:
            found.append("Current draft")
        return found


def marked_versions(obj, versions):
    """`versions` of `obj` (newest first), each as a MarkedVersion."""
    versions = list(versions)
    model = type(obj)
    is_leaflet = isinstance(obj, Leaflet)
    questions = _questions_by_revision(obj, versions) if is_leaflet else {}
    readings = [
        (content_values(model, values_of_version(version)), questions.get(version.revision_id))
        for version in versions
    ]
    marked = [MarkedVersion(version) for version in versions]

    copy = published_copy(obj)
    if copy is not None:
        live = (content_values(model, copy.data), _published_questions(obj) if is_leaflet else None)
        _mark_newest(marked, readings, live, "live", State.LIVE if shown(copy.data) else State.WITHDRAWN)
    current = (content_values(model, draft_data(obj)), _current_questions(obj) if is_leaflet else None)
    _mark_newest(marked, readings, current, "is_current", True)

    if is_leaflet:
        for position, entry in enumerate(marked):
            newer = readings[position][1]
            older = readings[position + 1][1] if position + 1 < len(readings) else None
            if newer is None:
                entry.questions_note = "Not kept with this version"
            elif position + 1 == len(readings):
                entry.questions_note = "First version kept"
            elif older is None:
                entry.questions_note = "Not compared: the version before did not keep its questions"
            else:
                entry.question_changes = question_changes(older, newer)
                entry.questions_note = "" if entry.question_changes else "None"
    return marked


def _mark_newest(marked, readings, reading, attribute, value):
    for entry, found in zip(marked, readings, strict=True):
        if found == reading:
            setattr(entry, attribute, value)
            return


def _questions_by_revision(leaflet, versions):
    """{revision id: {question pk: content values}} for the leaflet's questions in each listed revision."""
    found = defaultdict(dict)
    held = Version.objects.filter(
        revision_id__in=[version.revision_id for version in versions],
        content_type=ContentType.objects.get_for_model(Question),
    )
    for version in held:
        values = values_of_version(version)
        if values.get("leaflet_id") == leaflet.pk:
            found[version.revision_id][int(version.object_id)] = content_values(Question, values)
    return found


def _published_questions(leaflet):
    copies = copies_of(Question).filter(data__leaflet_id=leaflet.pk)
    return {copy.object_id: content_values(Question, copy.data) for copy in copies} or None


def _current_questions(leaflet):
    return {row.pk: content_values(Question, draft_data(row)) for row in leaflet.questions.all()}
