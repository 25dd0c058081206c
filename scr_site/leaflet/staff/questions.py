"""The leaflet's questions as a short list on the leaflet's page, each edited on its own page.

Moving a question is a button in the leaflet's own form, so pressing it also saves
whatever was typed in the leaflet's fields: nothing typed is ever lost.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect

from ..admin_links import admin_url
from ..drafts.preview import preview_url
from ..drafts.publication import draft_data
from ..drafts.states import standing
from ..models import Question
from ..models.published import copies_of

MOVE = "_move"
ORDER_STEP = 10


@dataclass
class QuestionRow:
    question: Question
    position: int
    status_label: str
    edit_url: str
    preview_url: str
    is_first: bool
    is_last: bool


def rows_for(leaflet):
    questions = list(leaflet.questions.all())
    copies = {
        copy.object_id: copy for copy in copies_of(Question).filter(object_id__in=[q.pk for q in questions])
    }
    return [
        QuestionRow(
            question=question,
            position=position,
            status_label=_status_label(question, copies.get(question.pk)),
            edit_url=admin_url(question),
            preview_url=f"{preview_url(question)}#{question.anchor}",
            is_first=position == 1,
            is_last=position == len(questions),
        )
        for position, question in enumerate(questions, start=1)
    ]


def _status_label(question, copy):
    label = standing(copy.data if copy else None, draft_data(question)).label
    return label if question.show_to_families else f"{label}; hidden from families in the draft"


def move(leaflet, pk, direction):
    """Move one question up or down one place. Returns the question, or None if it cannot move."""
    questions = list(leaflet.questions.all())
    index = next((i for i, question in enumerate(questions) if question.pk == pk), None)
    if index is None:
        return None
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(questions):
        return None
    questions[index], questions[other] = questions[other], questions[index]
    for position, question in enumerate(questions, start=1):
        if question.order != position * ORDER_STEP:
            question.order = position * ORDER_STEP
            question.save()
    return questions[other]


class QuestionListMixin:
    """On the leaflet's page: its questions, with edit, preview and move buttons."""

    def action_bar_context(self, request, object_id):
        context = super().action_bar_context(request, object_id)
        obj = self.get_object(request, object_id) if object_id else None
        if obj is not None:
            context["question_rows"] = rows_for(obj)
            context["add_question_url"] = f"{admin_url(Question, 'add')}?leaflet={obj.pk}"
            context["move_name"] = MOVE
        return context

    def _after_save(self, request, obj, added):
        if MOVE not in request.POST:
            return super()._after_save(request, obj, added)
        pk, _, direction = request.POST[MOVE].partition(":")
        moved = move(obj, int(pk) if pk.isdigit() else None, direction)
        if moved is None:
            self.message_user(request, "That question cannot move any further.", messages.WARNING)
        else:
            self.message_user(
                request,
                f"Moved “{moved}” {direction}. The new order is a draft until the leaflet is published.",
                messages.SUCCESS,
            )
        return redirect(f"{admin_url(obj)}#question-{pk}")
