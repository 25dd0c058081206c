"""What a restore would replace of people's unpublished work, found before anything is saved.

A restore rewrites draft rows (drafts/restore.py). A row it overwrites with different values,
or removes, may hold an unpublished draft: values that differ from what is live, or a row that
was never published. That draft is someone's work. `find` names each one with its author (who
saved the row's last change; for a leaflet, the last change to its own text), when it was
saved, and when it was sent for approval or sent back. Replacing someone else's draft needs a
tick of its own; the drafts of the person restoring are listed but need none.

It also names the requests for approval the restore overtakes:

- every waiting request for the restored item, or for a row the restore changes or removes.
  A request for a row the restore leaves exactly as it is still asks to publish what it asked
  for, so it is left alone;
- every request sent back since its item was last published, where the restore replaces the
  draft it was about: its "Edit it" would point at text that is no longer there.

`signature` fingerprints the other people's drafts a page listed, so the tick confirms exactly
the drafts that were shown, not ones saved since.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from ..models import ApprovalRequest, Question
from ..models.published import published_copy
from .approval import name_of, when
from .history import last_own_change
from .publication import draft_data
from .states import standing

OPEN = [ApprovalRequest.State.WAITING, ApprovalRequest.State.SENT_BACK]


@dataclass
class DraftOf:
    """One row a restore touches, and whose draft it holds now."""

    row: object
    removed: bool = False
    version: object = None  # the row's last change, where its text is kept; None if it has no history
    copy: object = None  # its PublishedCopy, or None if it was never published
    sent_at: object = None
    sent_back_at: object = None
    # (content type id, pk), kept from the start: a removed row loses its pk once deleted.
    key: tuple = field(init=False)

    def __post_init__(self):
        self.key = (ContentType.objects.get_for_model(self.row).pk, self.row.pk)

    @cached_property
    def standing(self):
        return standing(self.copy.data if self.copy else None, draft_data(self.row))

    @property
    def has_draft(self):
        return self.standing.has_draft

    @property
    def author(self):
        return self.version.revision.user if self.version else None

    @property
    def saved_at(self):
        return self.version.revision.date_created if self.version else None

    def is_by(self, user):
        return self.author is not None and self.author.pk == user.pk

    def summary(self, dated=False):
        """'“Who Will See the Report?”, saved 17:07, sent back 17:09'."""
        text = f"“{self.row}”"
        for label, moment in (
            ("saved", self.saved_at),
            ("sent for approval", self.sent_at),
            ("sent back", self.sent_back_at),
        ):
            if moment:
                text += f", {label} {when(moment, dated)}"
        return text

    def describe(self, dated=False, past=False):
        """'replaces Erin Editor's unpublished draft of “…”, saved 17:07, sent back 17:09'."""
        verb = ("removed" if past else "removes") if self.removed else ("replaced" if past else "replaces")
        if self.author is None:
            return f"{verb} an unpublished draft (no author recorded) of {self.summary(dated)}"
        return f"{verb} {name_of(self.author)}'s unpublished draft of {self.summary(dated)}"

    def column_label(self, viewer):
        """How the restore page heads this row's values as they are now: the current draft, and whose."""
        saved = ""
        if self.saved_at:
            by = f"saved by {name_of(self.author)}" if self.author else "loaded from content/"
            saved = f", {by} at {when(self.saved_at)}"
        if not self.has_draft:
            same_as = "live" if self.standing.is_live else "the withdrawn version"
            return f"Current draft, the same as {same_as}{saved}"
        if self.author is None:
            return f"Current draft: unpublished work{saved}"
        whose = "your" if self.is_by(viewer) else f"{name_of(self.author)}'s"
        return f"Current draft: {whose} unpublished work, saved {when(self.saved_at)}"


@dataclass
class Overtaken:
    """What restoring would replace: the item's own draft, the rows it changes or removes, the requests."""

    item: DraftOf | None = None
    rows: list = field(default_factory=list)  # [DraftOf], changed or removed
    requests: list = field(default_factory=list)  # [ApprovalRequest] it closes

    @property
    def drafts(self):
        """The unpublished drafts the restore replaces or removes."""
        return [row for row in self.rows if row.has_draft]

    def others(self, user):
        """The drafts that are not `user`'s own: replacing them needs a tick."""
        return [draft for draft in self.drafts if not draft.is_by(user)]

    def signature(self, user):
        parts = sorted(
            f"{draft.key}:{draft.version.pk if draft.version else 0}:{draft.removed}"
            for draft in self.others(user)
        )
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    def label_questions(self, comparison, viewer):
        """Head each changed question's current column with whose draft it is."""
        by_pk = {row.key[1]: row for row in self.rows if isinstance(row.row, Question)}
        for change in comparison.questions:
            if change.pk in by_pk:
                change.before_label = by_pk[change.pk].column_label(viewer)


def find(item, changed, removed):
    """What restoring would overtake: `item` is the restored row (None when recovering), `changed`
    the rows whose values it would change, `removed` the rows it would delete."""
    if item is None:
        return Overtaken()
    head = _draft_of(item)
    rows = [head if row is item else _draft_of(row) for row in changed]
    rows += [_draft_of(row, removed=True) for row in removed]
    overtaken = Overtaken(head, rows)
    if not rows:
        return overtaken
    keys = {head.key} | {row.key for row in rows}
    requests = _open_requests(keys)
    everything = rows if any(row is head for row in rows) else [head, *rows]
    for row in everything:
        mine = [request for request in requests if (request.content_type_id, request.object_id) == row.key]
        waiting = [request for request in mine if request.state == ApprovalRequest.State.WAITING]
        sent_back = [request for request in mine if _sent_back_since_published(request, row)]
        row.sent_at = waiting[-1].requested_at if waiting else None
        row.sent_back_at = sent_back[-1].decided_at if sent_back else None
        replaced = row.has_draft if row is not head else bool(overtaken.drafts)
        overtaken.requests += waiting + (sent_back if replaced else [])
    overtaken.requests = sorted(set(overtaken.requests), key=lambda found: (found.requested_at, found.pk))
    return overtaken


def _draft_of(row, removed=False):
    return DraftOf(row, removed=removed, version=last_own_change(row), copy=published_copy(row))


def _open_requests(keys):
    wanted = Q(pk__in=[])
    for content_type, pk in keys:
        wanted |= Q(content_type_id=content_type, object_id=pk)
    return list(
        ApprovalRequest.objects.filter(wanted, state__in=OPEN)
        .select_related("requested_by", "decided_by", "content_type")
        .order_by("requested_at", "pk")
    )


def _sent_back_since_published(request, row):
    if request.state != ApprovalRequest.State.SENT_BACK:
        return False
    return row.copy is None or (request.decided_at and request.decided_at > row.copy.published_at)
