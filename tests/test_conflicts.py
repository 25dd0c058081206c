"""Two people editing the same thing: the second save is refused, and nobody's words are lost."""

import pytest

from scr_site.leaflet.models import Leaflet, Question

from .helpers import page, text_of
from .staff import admin_form, change_url, save_draft, signed_in, staff_member

pytestmark = pytest.mark.django_db

THEIRS = "It usually takes six to nine months from the event to publication."
MINE = "Most reviews take about a year."


@pytest.fixture
def first(db):
    """The person who saves first."""
    return signed_in(staff_member("fran", "Editor"))


@pytest.fixture
def second(db):
    """The person who opened the same form and saves after Fran."""
    return signed_in(staff_member("sam", "Editor"))


def opened(browser, obj):
    """Open the change form; return what it would post back, including the version it was opened at."""
    data = admin_form(browser.get(change_url(obj)))
    assert data["opened_version"], "the form does not say which version it was opened at"
    return data


def refusal(response):
    """The message at the top of a refused form, as a person reads it."""
    errors = page(response).select("ul.errorlist.nonfield li")
    return " ".join(text_of(error) for error in errors)


def textarea(response, name):
    value = page(response).select_one(f"textarea[name={name}]").get_text()
    return value[1:] if value.startswith("\n") else value


# --- one question, on its own page -------------------------------------------------


def test_the_second_save_of_a_question_is_refused(first, second, question):
    fran, sam = opened(first, question), opened(second, question)
    assert first.post(change_url(question), {**fran, "answer": THEIRS}).status_code == 302

    response = second.post(change_url(question), {**sam, "answer": MINE})

    assert response.status_code == 200
    assert "Someone else saved this by Fran" in refusal(response)
    assert "Your changes have not been saved, and theirs have not been overwritten." in refusal(response)
    assert Question.objects.get(pk=question.pk).answer == THEIRS


def test_a_refused_save_keeps_what_the_second_person_typed(first, second, question):
    fran, sam = opened(first, question), opened(second, question)
    first.post(change_url(question), {**fran, "answer": THEIRS})

    response = second.post(
        change_url(question), {**sam, "answer": MINE, "question": "How long does it take?"}
    )

    assert textarea(response, "answer") == MINE
    assert page(response).select_one("input[name=question]")["value"] == "How long does it take?"


def test_a_refused_save_says_what_the_other_person_changed(first, second, question):
    fran, sam = opened(first, question), opened(second, question)
    first.post(change_url(question), {**fran, "answer": THEIRS})

    response = second.post(change_url(question), {**sam, "answer": MINE})

    assert f"Answer is now “{THEIRS}”" in refusal(response)


def test_a_refused_save_says_what_changed_on_a_question_already_edited_in_the_admin(first, second, question):
    save_draft(first, question, answer="An earlier edit.")
    fran, sam = opened(first, question), opened(second, question)
    first.post(change_url(question), {**fran, "answer": THEIRS})

    response = second.post(change_url(question), {**sam, "answer": MINE})

    assert response.status_code == 200
    assert f"Answer is now “{THEIRS}”" in refusal(response)
    assert "Question is now" not in refusal(response)


def test_a_save_from_a_form_opened_after_the_other_save_goes_through(first, second, question):
    fran, sam = opened(first, question), opened(second, question)
    first.post(change_url(question), {**fran, "answer": THEIRS})
    assert second.post(change_url(question), {**sam, "answer": MINE}).status_code == 200

    response = second.post(change_url(question), {**opened(second, question), "answer": MINE})

    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).answer == MINE


def test_the_refused_form_still_carries_the_version_it_was_opened_at(first, second, question):
    fran, sam = opened(first, question), opened(second, question)
    first.post(change_url(question), {**fran, "answer": THEIRS})

    response = second.post(change_url(question), {**sam, "answer": MINE})
    # Pressing Save again must not slip through: the person has not yet seen Fran's version.
    again = second.post(change_url(question), admin_form(response))

    assert again.status_code == 200
    assert "Someone else saved this" in refusal(again)
    assert Question.objects.get(pk=question.pk).answer == THEIRS


def test_one_person_can_save_twice_in_a_row(first, question):
    response = first.post(
        change_url(question), {**opened(first, question), "answer": THEIRS, "_continue": "1"}
    )
    assert response.status_code == 302

    response = first.post(change_url(question), {**opened(first, question), "answer": MINE})

    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).answer == MINE


# --- the leaflet's own page ------------------------------------------------------------


def test_a_question_moved_on_the_leaflet_page_refuses_an_older_edit_of_that_question(first, second, leaflet):
    question = leaflet.questions.get(question="Who Will See the Report?")
    sam = opened(second, question)
    fran = opened(first, leaflet)
    first.post(change_url(leaflet), {**fran, "_move": f"{question.pk}:up"})

    response = second.post(change_url(question), {**sam, "answer": MINE})

    assert response.status_code == 200
    assert "Order is now" in refusal(response)
    assert Question.objects.get(pk=question.pk).answer == question.answer


def test_saving_a_question_does_not_count_as_a_change_to_its_leaflet(first, second, leaflet, question):
    sam = opened(second, leaflet)
    first.post(change_url(question), {**opened(first, question), "answer": THEIRS})

    response = second.post(change_url(leaflet), {**sam, "introduction": "Read this first."})

    assert response.status_code == 302
    assert Leaflet.objects.get(pk=leaflet.pk).introduction == "Read this first."
    assert Question.objects.get(pk=question.pk).answer == THEIRS


def test_two_people_saving_the_leaflet_itself_cannot_overwrite_each_other(first, second, leaflet):
    fran, sam = opened(first, leaflet), opened(second, leaflet)
    assert (
        first.post(change_url(leaflet), {**fran, "introduction": "Fran's introduction."}).status_code == 302
    )

    response = second.post(change_url(leaflet), {**sam, "introduction": "Sam's introduction."})

    assert response.status_code == 200
    assert "Someone else saved this by Fran" in refusal(response)
    assert textarea(response, "introduction") == "Sam's introduction."
    assert Leaflet.objects.get(pk=leaflet.pk).introduction == "Fran's introduction."


def test_the_refusal_names_who_changed_the_question_not_who_saved_another(first, second, leaflet, question):
    third = signed_in(staff_member("pat", "Publisher"))
    sam = opened(second, question)
    first.post(change_url(question), {**opened(first, question), "answer": THEIRS})
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(third, other, answer="Only the people who took part.")

    response = second.post(change_url(question), {**sam, "answer": MINE})

    assert "Someone else saved this by Fran" in refusal(response)
