"""Every public page ends by asking whether it was useful, with a way to report a problem."""

import pytest
from django.test import Client

from scr_site.feedback.tokens import check_token
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Board, Leaflet

from .helpers import page, text_of

pytestmark = pytest.mark.django_db

PAGES = ["/", "/leave-this-site-quickly/", "/accessibility/", "/privacy/"]


def feedback_on(response):
    return page(response).select_one("section.feedback")


def problem_section(response):
    return page(response).select_one("#report-a-problem")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_asks_is_this_page_useful_with_yes_and_no(client, leaflet_content, path):
    block = feedback_on(client.get(path))
    assert "Is this page useful?" in text_of(block)
    buttons = [text_of(button) for button in block.select("form.feedback__useful button")]
    # Read aloud on their own, the buttons still say what they answer.
    assert buttons == ["Yes this page is useful", "No this page is not useful"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_to_a_problem_form_that_takes_up_to_1000_characters(client, leaflet_content, path):
    response = client.get(path)
    link = feedback_on(response).find("a", string="Report a problem with this page")
    assert link["href"] == "#report-a-problem"
    form = problem_section(response).select_one("form")
    assert form["method"] == "post" and form["action"] == "/feedback/problem/"
    box = form.select_one("textarea[name=text]")
    label = form.select_one(f"label[for={box['id']}]")
    assert text_of(label) == "What is wrong with this page?"
    assert "Up to 1,000 characters." in text_of(form)


def test_above_the_box_it_warns_against_personal_details_and_says_where_to_get_help(client, leaflet_content):
    problem = problem_section(client.get("/"))
    warning = text_of(problem.select_one(".feedback__warning"))
    assert "Do not include names or personal details" in warning
    assert "This form is not for urgent help." in warning
    assert "If a child is in immediate danger, call 999." in warning
    # The warning comes before the box, so it is read first.
    text = text_of(problem)
    assert text.index("not for urgent help") < text.index("What is wrong with this page?")


def test_the_help_numbers_are_the_boards_published_telephone_numbers(client, leaflet_content):
    problem = problem_section(client.get("/"))
    for board in Board.objects.published_list():
        link = problem.find("a", string=board.telephone)
        assert link is not None, f"{board.name}'s number is missing"
        assert link["href"] == board.telephone_uri
        assert board.name in text_of(link.parent)


def test_a_new_board_number_shows_in_the_form_once_published_and_not_before(client, leaflet_content):
    board = Board.objects.get(name="Peterborough Safeguarding Children Board")
    board.telephone = "01733 123456"
    board.save()
    assert "01733 123456" not in text_of(problem_section(client.get("/privacy/")))
    publish_item(board, user=None)
    assert "01733 123456" in text_of(problem_section(client.get("/privacy/")))


@pytest.mark.parametrize("path", PAGES)
def test_each_form_is_about_the_page_it_is_on_with_a_token_signed_for_that_page(
    client, leaflet_content, path
):
    for form in feedback_on(client.get(path)).select("form"):
        fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        assert fields["page"] == path
        check_token(fields["token"], path)
        assert fields["website"] == ""


def test_the_honeypot_box_is_hidden_from_people_and_says_to_leave_it_empty(client, leaflet_content):
    for honeypot in feedback_on(client.get("/")).select(".feedback__honeypot"):
        assert honeypot.has_attr("hidden")
        assert text_of(honeypot.label) == "Leave this box empty"
        assert honeypot.input["tabindex"] == "-1"


def test_the_form_is_part_of_the_cached_page_the_same_for_everyone_and_sets_no_cookie(
    client, leaflet_content, django_assert_num_queries
):
    first = client.get("/")
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert first.content == second.content
    assert not first.cookies and not second.cookies


@pytest.mark.parametrize("path", ["/this-page-does-not-exist/", "/feedback/thank-you/"])
def test_error_and_thank_you_pages_have_no_feedback_form(client, leaflet_content, path):
    # An address nobody published could carry anything someone typed into it.
    assert feedback_on(client.get(path)) is None


def test_a_preview_has_no_feedback_form(as_publisher, leaflet_content):
    response = as_publisher.get(f"/preview/leaflets/{Leaflet.objects.get().pk}/")
    assert response.status_code == 200
    assert feedback_on(response) is None
