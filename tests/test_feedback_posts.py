"""Sending feedback: what is stored, what a family sees next, and every way a post is refused."""

import json

import pytest
from django.db import DatabaseError

from scr_site.feedback.models import ProblemReport, UsefulnessAnswer

from .feedback_helpers import (
    JSON,
    every_value_in_the_database,
    form_fields,
    heading_and_explanation,
    send,
    token_made,
)
from .helpers import page, text_of

pytestmark = pytest.mark.django_db

DAY = 24 * 60 * 60
PERSONAL = {
    "email": "jo.bloggs@example.com",
    "phone": "07700 900123",
    "postcode": "CB2 1TN",
    "national insurance": "QQ 12 34 56 C",
    "nhs": "943 476 5919",
    "birthday": "03/04/2015",
}
REPORT = (
    f"The page about the report is confusing. Email me on {PERSONAL['email']} or call "
    f"{PERSONAL['phone']}. We live at {PERSONAL['postcode']}, my NI number is "
    f"{PERSONAL['national insurance']}, my son's NHS number is {PERSONAL['nhs']} and he was born "
    f"on {PERSONAL['birthday']}."
)


def stored_nothing():
    return not UsefulnessAnswer.objects.exists() and not ProblemReport.objects.exists()


# --- what is stored ----------------------------------------------------------------------------


def test_yes_and_no_are_counted_for_the_page_they_were_given_on(client, leaflet_content):
    for path, answer in [("/", "yes"), ("/", "yes"), ("/", "no"), ("/privacy/", "no")]:
        assert send(client, "useful", path, useful=answer).status_code == 303
    answers = sorted(UsefulnessAnswer.objects.values_list("page", "useful"))
    assert answers == [("/", False), ("/", True), ("/", True), ("/privacy/", False)]


def test_a_problem_report_is_stored_with_every_personal_detail_replaced(client, leaflet_content):
    assert send(client, "problem", "/privacy/", text=REPORT).status_code == 303
    report = ProblemReport.objects.get()
    assert report.page == "/privacy/"
    assert report.text == (
        "The page about the report is confusing. Email me on [email removed] or call "
        "[phone number removed]. We live at [postcode removed], my NI number is "
        "[National Insurance number removed], my son's NHS number is [NHS number removed] and he was "
        "born on [date removed]."
    )


def test_what_was_typed_appears_nowhere_in_the_database_or_the_logs(client, leaflet_content, caplog):
    send(client, "problem", text=REPORT)
    stored = "\n".join(every_value_in_the_database())
    assert "[email removed]" in stored
    assert REPORT not in stored
    for detail in PERSONAL.values():
        assert detail not in stored, f"{detail!r} was stored"
        assert detail not in caplog.text


def test_nothing_about_the_sender_is_stored_only_the_page_and_the_day(client, leaflet_content):
    send(
        client, "useful", useful="yes", headers={"user-agent": "Sender's Browser/1.0"}, address="203.0.113.9"
    )
    stored = "\n".join(every_value_in_the_database())
    assert "203.0.113.9" not in stored
    assert "Sender's Browser" not in stored
    answer = UsefulnessAnswer.objects.values().get()
    assert set(answer) == {"id", "page", "useful", "received_on"}


# --- what the family sees next -----------------------------------------------------------------


def test_without_javascript_a_post_leads_to_a_thank_you_page_with_a_link_back(client, leaflet_content):
    response = send(client, "useful", "/privacy/", useful="no")
    assert response.status_code == 303
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = page(thanks)
    assert text_of(html.h1) == "Thank you for your feedback"
    assert (
        html.select_one("main").find("a", string="Go back to the page you were reading")["href"]
        == "/privacy/"
    )


def test_with_javascript_the_answer_comes_back_in_place(client, leaflet_content):
    response = send(client, "problem", headers=JSON, text="The second answer is hard to follow.")
    assert response.status_code == 200
    assert json.loads(response.content) == {"message": "Thank you for your feedback"}
    assert ProblemReport.objects.count() == 1


def test_posting_feedback_and_reading_the_thank_you_page_set_no_cookie(client, leaflet_content):
    response = send(client, "problem", text="The second answer is hard to follow.")
    assert not response.cookies
    assert not client.get(response["Location"]).cookies
    assert not send(client, "useful", headers=JSON, useful="yes").cookies
    assert not client.cookies


def test_feedback_answers_are_never_kept_by_browsers_or_caches(client, leaflet_content):
    response = send(client, "useful", useful="yes")
    for answer in (response, client.get(response["Location"])):
        assert "no-store" in answer["Cache-Control"]


@pytest.mark.parametrize(
    "back", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil"]
)
def test_the_thank_you_page_links_back_only_into_this_site(client, leaflet_content, back):
    html = page(client.get("/feedback/thank-you/", {"page": back}))
    assert html.select_one("main").find("a", string="Go back to the page you were reading")["href"] == "/"


def test_a_message_of_1000_characters_counting_each_line_break_once_is_accepted(client, leaflet_content):
    text = ("x" * 99 + "\r\n") * 10  # 1,000 characters in a browser's count, 1,010 as sent
    assert send(client, "problem", text=text.strip()).status_code == 303
    assert ProblemReport.objects.get().text == text.replace("\r\n", "\n").strip()


# --- refused posts -----------------------------------------------------------------------------


def foreign_origin(client):
    return send(client, "problem", headers={"origin": "https://evil.example"}, text="Hello")


def null_origin_without_fetch_metadata(client):
    return send(client, "problem", headers={"origin": "null"}, text="Hello")


def no_origin_and_cross_site(client):
    return send(client, "problem", headers={"origin": "", "sec-fetch-site": "cross-site"}, text="Hello")


def missing_token(client):
    return send(client, "problem", fields={"page": "/", "website": ""}, text="Hello")


def tampered_token(client):
    fields = form_fields(client)
    return send(client, "problem", fields={**fields, "token": fields["token"][:-2] + "xx"}, text="Hello")


def token_for_another_page(client):
    return send(client, "problem", fields={**form_fields(client, "/privacy/"), "page": "/"}, text="Hello")


def honeypot_filled(client):
    return send(client, "problem", website="https://spam.example", text="Hello")


def too_long(client):
    return send(client, "problem", text="x" * 1001)


def empty(client):
    return send(client, "problem", text="   ")


def null_character(client):
    return send(client, "problem", text="Hello\x00there")


def no_answer(client):
    return send(client, "useful")


def not_yes_or_no(client):
    return send(client, "useful", useful="maybe")


REFUSALS = [
    (foreign_origin, 403, "It came from another website"),
    (null_origin_without_fetch_metadata, 403, "It came from another website"),
    (no_origin_and_cross_site, 403, "It came from another website"),
    (missing_token, 400, "Part of the form was missing"),
    (tampered_token, 400, "Part of the form was missing"),
    (token_for_another_page, 400, "Part of the form was missing"),
    (honeypot_filled, 400, "A box that must be left empty had something in it"),
    (too_long, 400, "Your message must be 1,000 characters or fewer. It has 1,001."),
    (empty, 400, "Write what is wrong with this page before you press Send."),
    (null_character, 400, "Your message contains a character that cannot be saved."),
    (no_answer, 400, "Choose Yes or No."),
    (not_yes_or_no, 400, "Choose Yes or No."),
]
by_refusal = pytest.mark.parametrize(
    "post, status, reason", REFUSALS, ids=[post.__name__ for post, *_ in REFUSALS]
)


@by_refusal
def test_a_refused_post_stores_nothing_and_the_page_says_why(client, leaflet_content, post, status, reason):
    response = post(client)
    assert response.status_code == status
    heading, text = heading_and_explanation(response)
    assert heading == "Your feedback was not sent"
    assert reason in text
    assert stored_nothing()


@by_refusal
def test_a_refused_post_in_place_stores_nothing_and_says_why(client, leaflet_content, post, status, reason):
    client.defaults["HTTP_ACCEPT"] = "application/json"
    response = post(client)
    assert response.status_code == status
    assert reason in json.loads(response.content)["error"]
    assert stored_nothing()


def test_an_over_long_message_comes_back_in_the_box_to_be_shortened(client, leaflet_content):
    text = "The answer about the report needs to say more. " * 25
    html = page(send(client, "problem", "/privacy/", text=text))
    box = html.select_one("main textarea[name=text]")
    assert box.get_text() == text
    assert f"It has {len(text.strip()):,}." in text_of(box.find_parent("form"))
    # Sent again, shortened, from the page it came back on, it is accepted.
    fields = {
        field["name"]: field.get("value", "") for field in box.find_parent("form").select("input[name]")
    }
    assert send(client, "problem", fields=fields, text=text[:1000]).status_code == 303
    assert ProblemReport.objects.get().page == "/privacy/"


def test_a_token_from_a_page_built_a_day_ago_is_still_accepted(client, leaflet_content):
    # The cached page, and so its token, can be up to a day old when a family opens it.
    fields = {**form_fields(client, "/privacy/"), "token": token_made("/privacy/", 25 * 60 * 60)}
    assert send(client, "problem", fields=fields, text="Hello").status_code == 303


def test_an_expired_token_stores_nothing_and_gives_the_message_back_with_a_fresh_token(
    client, leaflet_content
):
    fields = {**form_fields(client, "/privacy/"), "token": token_made("/privacy/", 3 * DAY)}
    response = send(client, "problem", fields=fields, text="The privacy page does not say how long.")
    assert response.status_code == 400
    assert stored_nothing()
    heading, text = heading_and_explanation(response)
    assert "the form had run out of time" in text
    form = page(response).select_one("main form")
    assert form.select_one("textarea").get_text() == "The privacy page does not say how long."
    fresh = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    assert (
        send(client, "problem", fields=fresh, text="The privacy page does not say how long.").status_code
        == 303
    )


def test_an_expired_token_in_place_comes_back_with_a_fresh_one(client, leaflet_content):
    fields = {**form_fields(client, "/", "useful"), "token": token_made("/", 3 * DAY)}
    response = send(client, "useful", headers=JSON, fields=fields, useful="yes")
    assert response.status_code == 400
    answer = json.loads(response.content)
    assert "run out of time" in answer["error"]
    again = send(client, "useful", headers=JSON, fields={**fields, "token": answer["token"]}, useful="yes")
    assert again.status_code == 200


def test_an_expired_token_never_earns_a_fresh_one_for_another_page(client, leaflet_content):
    fields = {**form_fields(client), "page": "/my-name-is-jo/", "token": token_made("/", 3 * DAY)}
    response = send(client, "problem", headers=JSON, fields=fields, text="Hello")
    assert response.status_code == 400
    assert json.loads(response.content)["token"] is None


@pytest.mark.parametrize("kind", ["useful", "problem"])
def test_opening_a_forms_address_directly_explains_what_it_is(client, leaflet_content, kind):
    response = client.get(f"/feedback/{kind}/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    heading, text = heading_and_explanation(response)
    assert "receives the feedback form at the end of each page" in text


@pytest.mark.parametrize("headers", [{}, JSON], ids=["page", "in place"])
def test_when_the_database_fails_the_family_is_told_clearly_and_nothing_breaks(
    client, leaflet_content, monkeypatch, headers
):
    fields = form_fields(client)

    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    response = send(client, "problem", headers=headers, fields=fields, text="Hello")
    assert response.status_code == 503
    if headers:
        assert "cannot save feedback at the moment" in json.loads(response.content)["error"]
    else:
        assert "cannot save feedback at the moment" in text_of(page(response).select_one("main"))
