"""Bringing back an earlier version: first what it would change, then, once confirmed, doing it.

A restore rewrites the draft rows; families see nothing until someone publishes. It
never removes a question unless the person restoring has ticked a box that names how
many will go, and it is saved as a new version, so it can itself be undone.
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Question
from . import activity
from .compare import compare
from .history import snapshot_of_row, snapshot_of_version
from .publishing import deletions_are_drafts

# Review dates record when someone last checked the content; an old version's dates are not news.
_NOT_RESTORED = {
    "id",
    "updated_at",
    "last_reviewed_on",
    "reviewed_by_id",
    "next_review_due",
    "review_contact",
}


class RestoreRefused(Exception):
    """The restore cannot go ahead as asked; the message says why and what to do."""


def restored_fields(model):
    return [f for f in model._meta.concrete_fields if f.editable and f.attname not in _NOT_RESTORED]


@dataclass
class RestorePlan:
    version: object
    current: object  # Snapshot of the rows now, or None when recovering a deleted item
    target: object  # Snapshot of the version
    comparison: object
    # Questions on the leaflet now that the version does not have: restoring removes them.
    removes: list = field(default_factory=list)

    @property
    def recovering(self):
        return self.current is None

    @property
    def changes_nothing(self):
        return not self.recovering and self.comparison.is_empty


def plan(version):
    """What restoring `version` would change, worked out without saving anything."""
    target = snapshot_of_version(version)
    row = target.model.objects.filter(pk=target.pk).first()
    current = snapshot_of_row(row) if row is not None else None
    empty = type(target)(target.model, target.pk, {}, questions={} if target.questions is not None else None)
    comparison = compare(_restorable(current or empty), _restorable(target))
    removes = []
    if row is not None and target.questions is not None:
        removes = list(row.questions.exclude(pk__in=target.questions))
    return RestorePlan(version, current, target, comparison, removes)


def _restorable(snapshot):
    """Only the fields a restore changes, so the preview shows exactly what will happen."""
    names = {f.attname for f in restored_fields(snapshot.model)} | {"leaflet_id", "order"}
    values = {name: value for name, value in snapshot.values.items() if name in names}
    return type(snapshot)(snapshot.model, snapshot.pk, values, questions=snapshot.questions)


def restore(restore_plan, user, remove_questions=False):
    """Rewrite the drafts as the version had them. Returns the restored row."""
    if restore_plan.removes and not remove_questions:
        count = len(restore_plan.removes)
        raise RestoreRefused(
            f"This version does not have {count} of the questions the leaflet has now. Tick the box to "
            f"confirm they should be removed from the draft, or go back and keep them."
        )
    target = restore_plan.target
    when = timezone.localtime(restore_plan.version.revision.date_created).strftime("%-d %B %Y at %H:%M")
    try:
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(f"Restored the version saved on {when}")
            # A question the version lacks leaves the draft; families see it until the leaflet is published.
            with deletions_are_drafts():
                for question in restore_plan.removes:
                    question.delete()
            row = _write(target.model, target.pk, target.values)
            for pk, values in (target.questions or {}).items():
                _write(Question, pk, values)
            verb = "Recovered the deleted item" if restore_plan.recovering else "Restored the version"
            activity.record(row, user, activity.Kind.RESTORED, f"{verb} saved on {when}.")
    except ValidationError as error:
        raise RestoreRefused(_describe(error)) from None
    except IntegrityError:
        raise RestoreRefused(
            "This version clashes with the content as it is now (for example, two questions with the same "
            "link name, or two leaflets with the same web address). Nothing was changed. Change the item "
            "that clashes, then try again."
        ) from None
    return row


def _write(model, pk, values):
    row = model.objects.filter(pk=pk).first() or model(pk=pk)
    for model_field in restored_fields(model):
        if model_field.attname in values:
            setattr(row, model_field.attname, values[model_field.attname])
    row.full_clean(validate_unique=False, validate_constraints=False)
    row.save()
    return row


def _describe(error):
    if hasattr(error, "message_dict"):
        return "This version cannot be restored as it is: " + "; ".join(
            f"{name.replace('_', ' ')}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return "This version cannot be restored as it is: " + " ".join(error.messages)
