"""The differences between two snapshots of an item, as staff read them.

For a leaflet this covers its questions: which were added, removed or changed, and
whether their order changed.
"""

from dataclasses import dataclass, field

from ..models import Question
from .diffs import changes_between

# Shown as a change of order rather than as a changed number.
_ORDER_FIELDS = {"order", "leaflet_id"}


@dataclass
class QuestionChange:
    question: str
    kind: str  # "added", "removed" or "changed"
    changes: list = field(default_factory=list)
    pk: int | None = None
    # What the earlier column holds, where a page says more than "Before" (the restore page: whose draft).
    before_label: str = ""


@dataclass
class Comparison:
    fields: list
    questions: list = field(default_factory=list)
    order_before: list = field(default_factory=list)
    order_after: list = field(default_factory=list)
    # False when either side does not hold its questions (an old leaflet version).
    questions_compared: bool = True

    @property
    def reordered(self):
        return self.order_before != self.order_after

    @property
    def is_empty(self):
        return not (self.fields or self.questions or self.reordered)

    def of_kind(self, kind):
        return [change for change in self.questions if change.kind == kind]


def compare(older, newer):
    comparison = Comparison(fields=changes_between(older.model, older.values, newer.values))
    if older.questions is None or newer.questions is None:
        comparison.questions_compared = newer.questions is None and older.questions is None
        return comparison
    before, after = older.questions, newer.questions
    for pk in _in_order(after):
        if pk not in before:
            comparison.questions.append(QuestionChange(after[pk]["question"], "added", pk=pk))
    for pk in _in_order(before):
        if pk not in after:
            comparison.questions.append(QuestionChange(before[pk]["question"], "removed", pk=pk))
        else:
            changes = changes_between(Question, _without_order(before[pk]), _without_order(after[pk]))
            if changes:
                comparison.questions.append(QuestionChange(after[pk]["question"], "changed", changes, pk=pk))
    kept = set(before) & set(after)
    comparison.order_before = [before[pk]["question"] for pk in _in_order(before) if pk in kept]
    comparison.order_after = [after[pk]["question"] for pk in _in_order(after) if pk in kept]
    return comparison


def question_changes(older, newer):
    """In a line each, the questions two leaflet versions differ in, as a history row names them.

    `older` and `newer` are {question pk: values}: ["Added: …", "Removed: …", "Changed: …", "Moved: …"].
    """
    changes = [f"Added: {newer[pk]['question']}" for pk in _in_order(newer) if pk not in older]
    changes += [f"Removed: {older[pk]['question']}" for pk in _in_order(older) if pk not in newer]
    kept = [pk for pk in _in_order(newer) if pk in older]
    changes += [
        f"Changed: {newer[pk]['question']}"
        for pk in kept
        if _without_order(older[pk]) != _without_order(newer[pk])
    ]
    before = [pk for pk in _in_order(older) if pk in newer]
    changes += [
        f"Moved: {newer[pk]['question']}" for place, pk in enumerate(kept) if before.index(pk) != place
    ]
    return changes


def _in_order(questions):
    return sorted(questions, key=lambda pk: (questions[pk].get("order") or 0, pk))


def _without_order(values):
    return {name: value for name, value in values.items() if name not in _ORDER_FIELDS}
