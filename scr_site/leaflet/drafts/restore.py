"""Bringing back an earlier version: first what it would change, then, once confirmed, doing it.

A restore rewrites the draft rows; families see nothing until someone publishes. It
never removes a question unless the person restoring has ticked a box that names how
many will go, and it is saved as a new version, so it can itself be undone.

It never replaces someone else's unpublished draft unawares: the plan names every draft it
would overwrite or remove, and whose it is (drafts/replaced.py). Replacing other people's
drafts needs a tick of its own, given for exactly the drafts that were shown; the people
are then told, and the requests for approval it overtakes are closed (drafts/restore_notices.py).
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Question
from . import activity, approval, replaced, restore_notices
from .approval import name_of
from .compare import compare
from .history import snapshot_of_row, snapshot_of_version
from .publication import as_stored
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


# The ids of the two tick boxes on the restore page, which an error summary links to.
REMOVE_QUESTIONS_BOX = "id_remove_questions"
REPLACE_DRAFTS_BOX = "id_replace_drafts"


@dataclass(frozen=True)
class Problem:
    message: str
    box: str = ""  # the id of the tick box that answers it, if one does


class RestoreRefused(Exception):
    """The restore cannot go ahead as asked; each problem says why and what to do. Nothing was saved."""

    def __init__(self, *problems):
        self.problems = [found if isinstance(found, Problem) else Problem(found) for found in problems]
        super().__init__(" ".join(problem.message for problem in self.problems))


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
    # The drafts it would replace and the requests it would close (drafts/replaced.py).
    overtaken: replaced.Overtaken = field(default_factory=replaced.Overtaken)

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
    overtaken = replaced.find(row, _changed_rows(row, target), removes)
    return RestorePlan(version, current, target, comparison, removes, overtaken)


def _changed_rows(row, target):
    """The rows now that restoring `target` would write with different values."""
    if row is None:
        return []
    changed = [row] if _differs(row, target.values) else []
    if target.questions is not None:
        for question in Question.objects.filter(pk__in=target.questions).order_by("order", "pk"):
            if _differs(question, target.questions[question.pk]):
                changed.append(question)
    return changed


def _differs(row, values):
    names = [f.attname for f in restored_fields(type(row)) if f.attname in values]
    now = {name: getattr(row, name) for name in names}
    then = {name: values[name] for name in names}
    return as_stored(now) != as_stored(then)


def _restorable(snapshot):
    """Only the fields a restore changes, so the preview shows exactly what will happen."""
    names = {f.attname for f in restored_fields(snapshot.model)} | {"leaflet_id", "order"}
    values = {name: value for name, value in snapshot.values.items() if name in names}
    return type(snapshot)(snapshot.model, snapshot.pk, values, questions=snapshot.questions)


@dataclass
class Restored:
    row: object
    replaced: list  # [DraftOf] other people's drafts it replaced; they have been told
    closed: list  # [ApprovalRequest] the requests for approval it closed
    not_emailed: list  # names of people who could not be emailed


def check(restore_plan, user, remove_questions=False, replace_drafts=False, drafts_seen=""):
    """Every reason the restore cannot go ahead as asked, as RestoreRefused; nothing if it can."""
    problems = []
    if restore_plan.removes and not remove_questions:
        count = len(restore_plan.removes)
        problems.append(
            Problem(
                f"This version does not have {count} of the questions the leaflet has now. Tick the box to "
                f"confirm they should be removed from the draft, or go back and keep them.",
                REMOVE_QUESTIONS_BOX,
            )
        )
    others = restore_plan.overtaken.others(user)
    named = "; ".join(draft.describe() for draft in others)
    if others and not replace_drafts:
        problems.append(
            Problem(
                f"Restoring {named}. That work would be lost from the draft and kept only in the history. "
                "Tick the box to confirm it should be replaced, or go back and leave it.",
                REPLACE_DRAFTS_BOX,
            )
        )
    elif others and drafts_seen != restore_plan.overtaken.signature(user):
        problems.append(
            Problem(
                f"The unpublished drafts this would replace have changed since you opened this page: now it "
                f"{named}. Read them again, then tick the box if they should still be replaced.",
                REPLACE_DRAFTS_BOX,
            )
        )
    if problems:
        raise RestoreRefused(*problems)


def restore(restore_plan, user, remove_questions=False, replace_drafts=False, drafts_seen=""):
    """Rewrite the drafts as the version had them, then tell the people whose work it replaced."""
    check(restore_plan, user, remove_questions, replace_drafts, drafts_seen)
    target = restore_plan.target
    when = timezone.localtime(restore_plan.version.revision.date_created).strftime("%-d %B %Y at %H:%M")
    try:
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(f"Restored the version saved on {when}")
            others = restore_plan.overtaken.others(user)
            told = [draft.describe(dated=True, past=True) for draft in others]
            # A question the version lacks leaves the draft; families see it until the leaflet is published.
            with deletions_are_drafts():
                for question in restore_plan.removes:
                    question.delete()
            row = _write(target.model, target.pk, target.values)
            for pk, values in (target.questions or {}).items():
                _write(Question, pk, values)
            verb = "Recovered the deleted item" if restore_plan.recovering else "Restored the version"
            comment = f"{verb} saved on {when}."
            if told:
                comment += " It " + "; it ".join(told) + "."
            activity.record(row, user, activity.Kind.RESTORED, comment)
            saved = approval.when(restore_plan.version.revision.date_created, dated=True)
            what = f"{name_of(user)} restored the version of “{row}” saved at {saved}"
            closed = restore_notices.settle(restore_plan, row, user, what)
    except ValidationError as error:
        raise RestoreRefused(_describe(error)) from None
    except IntegrityError:
        raise RestoreRefused(
            "This version clashes with the content as it is now (for example, two questions with the same "
            "link name, or two leaflets with the same web address). Nothing was changed. Change the item "
            "that clashes, then try again."
        ) from None
    not_emailed = restore_notices.tell(restore_plan, row, user, what)
    return Restored(row, others, closed, not_emailed)


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
