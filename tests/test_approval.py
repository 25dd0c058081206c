"""An Editor sends a draft for approval; a Publisher approves and publishes it, or sends it back."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts import approval
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.drafts.publication import Publication
from scr_site.leaflet.drafts.publishing import mark_reviewed, publish
from scr_site.leaflet.models import ApprovalRequest, Board, Leaflet, Question, QuestionTranslation
from scr_site.leaflet.pseudo import pseudo_translate

from .helpers import page, text_of
from .staff import admin_form, change_url, main_text, save_draft, signed_in, staff_member

pytestmark = pytest.mark.django_db

DRAFT = "Most reviews now take about a year."
COMMENT = "The review office asked for the new timescale."


@pytest.fixture(autouse=True)
def emails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://scr.example.gov.uk"
    return mail.outbox


def send_for_approval(browser, obj, comment=COMMENT, **changes):
    data = {**admin_form(browser.get(change_url(obj))), **changes, "_approval": "Send for approval"}
    response = browser.post(change_url(obj), data)
    assert response.status_code == 302
    assert response["Location"] == admin_url(obj, "approval")
    return browser.post(admin_url(obj, "approval"), {"comment": comment})


def approve(browser, waiting, seen=None):
    """Press Approve as the Publisher would, having looked at the draft as it is now (or at `seen`)."""
    seen = seen if seen is not None else Publication.of(waiting.item).fingerprint
    return browser.post(reverse("admin:approval_approve", args=[waiting.pk]), {"seen": seen})


def waiting_rows(browser):
    panel = page(browser.get(reverse("admin:index"))).select_one("[aria-labelledby=waiting-heading]")
    return panel.select("li.home-list__item")


# --- sending -----------------------------------------------------------------------------------


def test_send_for_approval_saves_the_draft_first(client, as_editor, question):
    data = {
        **admin_form(as_editor.get(change_url(question))),
        "answer": DRAFT,
        "_approval": "Send for approval",
    }

    as_editor.post(change_url(question), data)

    assert Question.objects.get(pk=question.pk).answer == DRAFT
    assert DRAFT not in main_text(client)


def test_sending_emails_every_publisher_with_the_comment_and_links(as_editor, publisher, question, emails):
    other = staff_member("paul", "Publisher")

    response = send_for_approval(as_editor, question, answer=DRAFT)

    assert response.status_code == 302
    (email,) = emails
    assert sorted(email.to) == sorted([publisher.email, other.email])
    assert email.subject == f"Waiting for your approval: {question.question}"
    assert "Erin has sent" in email.body
    assert COMMENT in email.body
    for link in (preview_url(question), admin_url(question, "changes"), reverse("admin:index")):
        assert f"https://scr.example.gov.uk{link}" in email.body


def test_the_comment_is_optional(as_editor, publisher, question, emails):
    assert send_for_approval(as_editor, question, comment="").status_code == 302
    assert ApprovalRequest.objects.waiting().get().comment == ""
    assert len(emails) == 1


def test_an_overlong_comment_is_refused_on_its_field(as_editor, publisher, question, emails):
    response = send_for_approval(as_editor, question, comment="x" * 2001)

    assert response.status_code == 200
    assert "at most 2000 characters" in text_of(page(response).select_one(".error-summary"))
    assert not ApprovalRequest.objects.exists()
    assert emails == []


def test_sending_again_updates_the_one_request_waiting(as_editor, publisher, question):
    send_for_approval(as_editor, question)
    send_for_approval(as_editor, question, comment="Now with the office's number too.")

    (waiting,) = ApprovalRequest.objects.waiting()
    assert waiting.comment == "Now with the office's number too."


def test_a_title_saved_with_a_line_break_still_makes_a_one_line_subject(editor, publisher, question, emails):
    # Titles are refused with line breaks now; one saved before that must not break an email.
    Question.objects.filter(pk=question.pk).update(question="How long\nwill it take?")
    question.refresh_from_db()

    approval.send_for_approval(question, editor)

    assert emails[0].subject == "Waiting for your approval: How long will it take?"


def test_publishers_are_not_offered_send_for_approval(as_publisher, question):
    assert page(as_publisher.get(change_url(question))).select_one("button[name=_approval]") is None
    assert as_publisher.get(admin_url(question, "approval")).status_code == 403


def test_the_status_line_shows_a_request_is_waiting(as_editor, publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    status = text_of(page(as_editor.get(change_url(question))).select_one(".status-line"))
    assert "Waiting for approval: sent by Erin at" in status
    assert COMMENT in status


# --- the Publisher's side ----------------------------------------------------------------------


def test_the_home_page_shows_publishers_what_is_waiting(as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    (row,) = waiting_rows(as_publisher)
    assert question.question in text_of(row)
    assert COMMENT in text_of(row)
    links = {text_of(a): a["href"] for a in row.select("a")}
    assert links[f"Preview “{question.question}”"] == preview_url(question)
    assert links[f"See what changed in “{question.question}”"] == admin_url(question, "changes")


def test_editors_do_not_see_the_approval_panel(as_editor, question):
    send_for_approval(as_editor, question)

    html = page(as_editor.get(reverse("admin:index")))
    assert html.select_one("[aria-labelledby=waiting-heading]") is None
    assert "Waiting:" in text_of(html.select_one("[aria-labelledby=requests-heading]"))


def test_approve_and_publish_shows_families_the_draft(client, as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)
    (row,) = waiting_rows(as_publisher)

    form = row.select_one("form")
    response = as_publisher.post(form["action"], {"seen": form.select_one("input[name=seen]")["value"]})

    assert response.status_code == 302
    assert DRAFT in main_text(client)
    assert waiting_rows(as_publisher) == []
    assert ApprovalRequest.objects.get().state == ApprovalRequest.State.APPROVED


def test_publishing_an_item_answers_its_waiting_request(as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    as_publisher.post(admin_url(question, "publish"))

    assert not ApprovalRequest.objects.waiting().exists()


def test_sending_back_emails_the_editor_with_the_comment(as_editor, as_publisher, editor, question, emails):
    send_for_approval(as_editor, question, answer=DRAFT)
    emails.clear()
    waiting = ApprovalRequest.objects.waiting().get()

    response = as_publisher.post(
        reverse("admin:approval_send_back", args=[waiting.pk]), {"comment": "Say which office to call."}
    )

    assert response.status_code == 302
    (email,) = emails
    assert email.to == [editor.email]
    assert email.subject == f"Sent back: {question.question}"
    assert "Say which office to call." in email.body
    assert f"https://scr.example.gov.uk{change_url(question)}" in email.body
    assert Question.objects.get(pk=question.pk).answer == DRAFT
    mine = page(as_editor.get(reverse("admin:index"))).select_one("[aria-labelledby=requests-heading]")
    assert "Sent back:" in text_of(mine) and "Say which office to call." in text_of(mine)


def test_sending_back_needs_a_comment(as_editor, as_publisher, question, emails):
    send_for_approval(as_editor, question)
    emails.clear()
    waiting = ApprovalRequest.objects.waiting().get()

    response = as_publisher.post(reverse("admin:approval_send_back", args=[waiting.pk]), {"comment": "  "})

    assert response.status_code == 200
    assert "Say what needs to change" in text_of(page(response).select_one(".error-summary"))
    assert ApprovalRequest.objects.waiting().exists()
    assert emails == []


def test_editors_cannot_approve_or_send_back(client, as_editor, question):
    send_for_approval(as_editor, question, answer=DRAFT)
    waiting = ApprovalRequest.objects.waiting().get()

    assert as_editor.post(reverse("admin:approval_approve", args=[waiting.pk])).status_code == 403
    assert as_editor.get(reverse("admin:approval_send_back", args=[waiting.pk])).status_code == 403
    assert DRAFT not in main_text(client)


def test_following_the_approve_link_shows_the_changes_and_publishes_nothing(
    client, as_editor, as_publisher, question
):
    send_for_approval(as_editor, question, answer=DRAFT)
    waiting = ApprovalRequest.objects.waiting().get()

    response = as_publisher.get(reverse("admin:approval_approve", args=[waiting.pk]))

    assert response.status_code == 200
    assert "Most reviews now take about a year." in text_of(page(response).select_one("#content-main"))
    assert DRAFT not in main_text(client)
    assert ApprovalRequest.objects.waiting().exists()


@pytest.mark.parametrize("pk", [0, 999])
def test_a_request_that_does_not_exist_is_not_found_in_the_admin(as_publisher, pk):
    response = as_publisher.post(reverse("admin:approval_approve", args=[pk]))
    assert response.status_code == 404
    assert text_of(page(response).h1) == "Page not found"


def test_a_request_already_answered_cannot_be_approved_again(as_editor, as_publisher, question):
    send_for_approval(as_editor, question)
    waiting = ApprovalRequest.objects.waiting().get()
    assert approve(as_publisher, waiting).status_code == 302

    assert approve(as_publisher, waiting).status_code == 404


def test_each_step_is_kept_in_the_items_history(as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)
    waiting = ApprovalRequest.objects.waiting().get()
    as_publisher.post(reverse("admin:approval_send_back", args=[waiting.pk]), {"comment": "Add the number."})
    send_for_approval(as_editor, question, comment="Number added.")
    waiting = ApprovalRequest.objects.waiting().get()
    approve(as_publisher, waiting)

    html = page(as_editor.get(admin_url(question, "history")))
    steps = [text_of(li).split(": ", 1)[1] for li in html.select("ul.activity li")]
    assert steps[:4] == [
        "Approved: now live (Pat)",
        "Sent for approval: “Number added.” (Erin)",
        "Sent back: “Add the number.” (Pat)",
        f"Sent for approval: “{COMMENT}” (Erin)",
    ]


def test_the_preview_offers_the_publisher_approval(as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    banner = page(as_publisher.get(preview_url(question))).select_one(".preview-banner")
    assert COMMENT in text_of(banner)
    assert text_of(banner.select_one("form.preview-publish button")) == "Approve and publish"
    assert banner.find("a", string="Send back with a comment") is not None


def test_a_member_of_the_public_never_sees_the_approval_pages(client, as_editor, question):
    send_for_approval(as_editor, question)
    waiting = ApprovalRequest.objects.waiting().get()

    for url in (reverse("admin:approval_send_back", args=[waiting.pk]), admin_url(question, "approval")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_a_draft_saved_by_someone_else_is_signed_with_their_name(as_editor, as_publisher, question):
    save_draft(as_publisher, question, answer=DRAFT)
    status = text_of(page(as_editor.get(change_url(question))).select_one(".status-line"))
    assert "Draft by Pat at" in status


# --- approval is bound to the draft that was sent and the one the Publisher saw ----------------

SNEAKED_IN = "SNEAKED-IN v2: nobody has reviewed this."


def seen_in_preview(browser, obj):
    """The draft a Publisher's preview shows, as its Approve button carries it."""
    return page(browser.get(preview_url(obj))).select_one("form.preview-publish input[name=seen]")["value"]


def test_an_edit_after_sending_is_never_published_by_approving(client, as_editor, as_publisher, question):
    # The Editor sends v1; the Publisher opens the preview and sees v1; the Editor then saves v2.
    send_for_approval(as_editor, question, answer=DRAFT)
    seen = seen_in_preview(as_publisher, question)
    save_draft(as_editor, Question.objects.get(pk=question.pk), answer=SNEAKED_IN)
    waiting = ApprovalRequest.objects.waiting().get()

    response = approve(as_publisher, waiting, seen=seen)

    assert response.status_code == 409
    problem = text_of(page(response).select_one(".error-summary"))
    assert "There is a problem: nothing has been published" in problem
    assert "changed since you opened it" in problem
    # What changed since it was sent is shown, word by word.
    since_sent = page(response).select_one("[aria-labelledby=since-sent-heading]")
    assert "SNEAKED-IN" in " ".join(text_of(ins) for ins in since_sent.select("ins"))
    assert SNEAKED_IN not in main_text(client)
    assert DRAFT not in main_text(client)
    assert ApprovalRequest.objects.waiting().get() == waiting


def test_a_draft_changed_since_it_was_sent_needs_the_changes_reviewed(
    client, as_editor, as_publisher, question
):
    send_for_approval(as_editor, question, answer=DRAFT)
    save_draft(as_editor, Question.objects.get(pk=question.pk), answer=SNEAKED_IN)
    waiting = ApprovalRequest.objects.waiting().get()
    # Opened after the change: the preview says so instead of offering Approve.
    banner = page(as_publisher.get(preview_url(question))).select_one(".preview-banner")
    assert "The draft has changed since it was sent." in text_of(banner)
    assert banner.select_one("form.preview-publish") is None

    refused = approve(as_publisher, waiting)
    assert refused.status_code == 409
    assert "has changed since Erin sent it for approval" in text_of(
        page(refused).select_one(".error-summary")
    )
    assert SNEAKED_IN not in main_text(client)

    # Reviewed again on that page, the draft as it is now can be approved.
    form = page(refused).select_one("#content-main form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    response = as_publisher.post(
        reverse("admin:approval_approve", args=[waiting.pk]), {**data, "changes_reviewed": "yes"}
    )
    assert response.status_code == 302
    assert SNEAKED_IN in main_text(client)


def test_a_request_sent_again_after_the_publisher_looked_is_refused(
    client, as_editor, as_publisher, question
):
    send_for_approval(as_editor, question, answer=DRAFT)
    seen = seen_in_preview(as_publisher, question)
    send_for_approval(
        as_editor, Question.objects.get(pk=question.pk), answer=SNEAKED_IN, comment="One more thing."
    )
    waiting = ApprovalRequest.objects.waiting().get()

    response = approve(as_publisher, waiting, seen=seen)

    assert response.status_code == 409
    assert SNEAKED_IN not in main_text(client)


def test_approving_without_saying_what_was_seen_publishes_nothing(client, as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)
    waiting = ApprovalRequest.objects.waiting().get()

    response = as_publisher.post(reverse("admin:approval_approve", args=[waiting.pk]))

    assert response.status_code == 409
    assert DRAFT not in main_text(client)


def test_the_draft_the_preview_showed_is_the_one_approved(client, as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    response = approve(
        as_publisher, ApprovalRequest.objects.waiting().get(), seen=seen_in_preview(as_publisher, question)
    )

    assert response.status_code == 302
    assert DRAFT in main_text(client)
    assert ApprovalRequest.objects.get().state == ApprovalRequest.State.APPROVED


def test_a_leaflet_request_is_refused_when_a_board_published_with_it_changed(
    client, as_editor, as_publisher, leaflet
):
    send_for_approval(as_editor, leaflet, introduction="Read this first.")
    board = Board.objects.get(name="Peterborough Safeguarding Children Board")
    save_draft(as_editor, board, telephone="01733 000111")
    waiting = ApprovalRequest.objects.waiting().get()

    response = approve(as_publisher, waiting)

    assert response.status_code == 409
    since_sent = text_of(page(response).select_one("[aria-labelledby=since-sent-heading]"))
    assert "Peterborough Safeguarding Children Board" in since_sent
    assert "01733 000111" not in main_text(client)


def test_the_home_page_asks_for_a_review_of_a_draft_changed_since_it_was_sent(
    as_editor, as_publisher, question
):
    send_for_approval(as_editor, question, answer=DRAFT)
    save_draft(as_editor, Question.objects.get(pk=question.pk), answer=SNEAKED_IN)

    (row,) = waiting_rows(as_publisher)

    assert row.select_one("form") is None
    link = next(a for a in row.select("a") if text_of(a).startswith("Changed since it was sent: review"))
    assert link["href"] == reverse("admin:approval_approve", args=[ApprovalRequest.objects.get().pk])


def test_marking_a_review_does_not_count_as_a_change_to_what_was_sent(
    client, as_editor, as_publisher, leaflet
):
    send_for_approval(as_editor, leaflet, introduction="Read this first.")
    mark_reviewed(Leaflet.objects.get(pk=leaflet.pk), None, timezone.localdate())

    assert approve(as_publisher, ApprovalRequest.objects.waiting().get()).status_code == 302
    assert "Read this first." in main_text(client)


def test_publishing_writes_what_was_captured_not_what_was_saved_since(client, question):
    question.answer = DRAFT
    question.save()
    publication = Publication.of(Question.objects.get(pk=question.pk))
    Question.objects.filter(pk=question.pk).update(answer=SNEAKED_IN)

    publish(publication, None)

    assert DRAFT in main_text(client)
    assert SNEAKED_IN not in main_text(client)


# --- the other paths into approval: a test language, a deleted item, someone not on the staff ---


def test_a_test_language_is_never_sent_for_approval_nor_approved(
    client, as_editor, as_publisher, editor, question
):
    pseudo_translate()
    translation = QuestionTranslation.objects.get(english=question, language__code="en-xa")
    form = page(as_publisher.get(change_url(translation))).select_one(".action-bar")
    assert (
        form.select_one("button[name=_approval]") is None and form.select_one("button[name=_publish]") is None
    )

    response = as_editor.post(admin_url(translation, "approval"), {"comment": "Please publish."})

    assert response.status_code == 302
    assert not ApprovalRequest.objects.exists()
    # A request made some other way is refused, and nothing is published.
    waiting = approval.send_for_approval(translation, editor)
    refused = approve(as_publisher, waiting)
    assert refused.status_code == 409
    assert "test language" in text_of(page(refused).select_one(".error-summary"))
    assert ApprovalRequest.objects.waiting().get() == waiting


def test_deleting_an_item_closes_the_request_waiting_for_it(as_editor, as_publisher, question):
    send_for_approval(as_editor, question, answer=DRAFT)

    response = as_publisher.post(admin_url(question, "delete"), {"post": "yes"})

    assert response.status_code == 302
    closed = ApprovalRequest.objects.get()
    assert closed.state == ApprovalRequest.State.CLOSED
    assert "Deleted" in closed.decision_comment
    assert waiting_rows(as_publisher) == []
    assert (
        page(as_editor.get(reverse("admin:index"))).select_one("[aria-labelledby=requests-heading]") is None
    )


def test_someone_signed_in_but_not_staff_is_refused_every_admin_page(question):
    visitor = User.objects.create_user("visitor", password="a-long-password-1")
    browser = signed_in(visitor)

    for url in (reverse("admin:index"), change_url(question), admin_url(question, "history")):
        response = browser.get(url)
        assert response.status_code == 403, url
        assert "your account is not a staff account" in text_of(page(response).select_one("#content-main"))
        assert question.answer not in response.content.decode()
