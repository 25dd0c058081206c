"""A restore never replaces someone else's unpublished draft unawares, and the history says what is live.

The reported fault: a Publisher restored a leaflet version from 17:04. It replaced an Editor's
sent-back draft of "Who Will See the Report?". The restore page said only "Changed", under a
column headed "Now". The Editor's home page still said "Sent back … Edit it", but the text was gone.
"""

import smtplib

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Activity, ApprovalRequest, Question

from .helpers import page, text_of
from .staff import admin_form, change_url, publish_by_url, save_draft, signed_in
from .test_history import add_question, history_rows, open_restore

pytestmark = pytest.mark.django_db

WHO = "Who Will See the Report?"
PATS_CHANGE = "It usually takes about a year."
ERINS_DRAFT = "Only the review panel and the families who took part will see the full report."
SENT_BACK = "Say who decides who sees it."


@pytest.fixture(autouse=True)
def emails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://scr.example.gov.uk"
    return mail.outbox


def hh_mm(moment):
    return timezone.localtime(moment).strftime("%H:%M")


def send_for_approval(browser, obj, **changes):
    data = {**admin_form(browser.get(change_url(obj))), **changes, "_approval": "Send for approval"}
    assert browser.post(change_url(obj), data).status_code == 302
    assert browser.post(admin_url(obj, "approval"), {"comment": "New wording."}).status_code == 302
    return ApprovalRequest.objects.for_object(obj).waiting().get()


def send_back(browser, request):
    url = reverse("admin:approval_send_back", args=[request.pk])
    assert browser.post(url, {"comment": SENT_BACK}).status_code == 302


def home(browser):
    return page(browser.get(reverse("admin:index")))


def form_fields(response):
    """What the restore page's form sends with nothing ticked: its hidden fields."""
    form = page(response).select_one("#content-main form[method=post]")
    return {field["name"]: field["value"] for field in form.select("input[type=hidden]")}


@pytest.fixture
def reproduction(as_editor, as_publisher, leaflet, question, emails):
    """Pat publishes a change (the "17:04" version); Erin drafts an answer to WHO and sends it; Pat sends
    it back.

    Returns the question Erin drafted and the history row of the version Pat will restore.
    """
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    publish_by_url(as_publisher, leaflet)
    who = leaflet.questions.get(question=WHO)
    send_back(as_publisher, send_for_approval(as_editor, who, answer=ERINS_DRAFT))
    emails.clear()
    rows = history_rows(as_publisher, leaflet)
    assert [row["By"] for row in rows[:2]] == ["Erin", "Pat"]
    return who, rows[1]


def restore_page(browser, row):
    url, opened = open_restore(browser, row)
    return url, opened, page(opened)


# --- before restoring: what it would replace, and whose --------------------------------------


def test_the_restore_page_names_the_editors_sent_back_draft_with_its_author_and_times(
    as_publisher, reproduction
):
    who, row = reproduction
    erins = Version.objects.get_for_object(who).first()
    request = ApprovalRequest.objects.get()

    _, _, html = restore_page(as_publisher, row)

    warning = html.select_one("[aria-labelledby=replaces-heading]")
    assert text_of(warning.h2) == "This replaces other people's unpublished work"
    expected = (
        f"Replaces Erin's unpublished draft of “{WHO}”, saved {hh_mm(erins.revision.date_created)}, "
        f"sent back {hh_mm(request.decided_at)}."
    )
    assert expected in [text_of(li) for li in warning.select("ul > li")]
    assert (
        f"Erin's request for approval of “{WHO}”, sent {hh_mm(request.requested_at)}, "
        f"sent back by Pat at {hh_mm(request.decided_at)}."
    ) in text_of(warning)


def test_the_restore_page_heads_the_current_column_with_whose_draft_it_is(as_publisher, reproduction):
    who, row = reproduction
    erins = Version.objects.get_for_object(who).first()

    _, _, html = restore_page(as_publisher, row)

    changed = next(li for li in html.select("ul.question-changes > li") if WHO in text_of(li))
    headings = [text_of(th) for th in changed.select("table.diff thead th")]
    assert headings == [
        f"Current draft: Erin's unpublished work, saved {hh_mm(erins.revision.date_created)}",
        "After restoring",
    ]
    assert "Now" not in [text_of(th) for th in html.select("table.diff thead th")]


def test_without_the_tick_a_restore_over_someone_elses_draft_is_refused_and_nothing_is_saved(
    as_publisher, reproduction, emails
):
    who, row = reproduction
    url, opened, _ = restore_page(as_publisher, row)
    versions = Version.objects.count()

    refused = as_publisher.post(url, form_fields(opened))

    assert refused.status_code == 200
    summary = page(refused).select_one(".error-summary")
    assert text_of(summary.h2) == "There is a problem: nothing has been changed"
    (problem,) = summary.select("li a")
    assert problem["href"] == "#id_replace_drafts"
    assert f"Restoring replaces Erin's unpublished draft of “{WHO}”" in text_of(problem)
    assert "kept only in the history" in text_of(problem)
    assert Question.objects.get(pk=who.pk).answer == ERINS_DRAFT
    assert Version.objects.count() == versions
    assert ApprovalRequest.objects.get().state == ApprovalRequest.State.SENT_BACK
    assert not Activity.objects.filter(kind__in=["restored", "draft_replaced", "request_closed"]).exists()
    assert emails == []


def test_the_replace_tick_is_separate_from_the_remove_questions_tick(
    as_editor, as_publisher, leaflet, question
):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    add_question(as_editor, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, leaflet)[1])
    assert html.select_one("#id_remove_questions") and html.select_one("#id_replace_drafts")
    assert "Removes Erin's unpublished draft of “Can I Read the Report?”" in text_of(
        html.select_one("[aria-labelledby=replaces-heading]")
    )

    only_removal = as_publisher.post(url, {**form_fields(opened), "remove_questions": "yes"})

    links = [a["href"] for a in page(only_removal).select(".error-summary li a")]
    assert links == ["#id_replace_drafts"]
    assert Question.objects.filter(question="Can I Read the Report?").exists()

    neither = as_publisher.post(url, form_fields(opened))
    links = [a["href"] for a in page(neither).select(".error-summary li a")]
    assert links == ["#id_remove_questions", "#id_replace_drafts"]

    both = as_publisher.post(url, {**form_fields(opened), "remove_questions": "yes", "replace_drafts": "yes"})
    assert both.status_code == 302
    assert not Question.objects.filter(question="Can I Read the Report?").exists()


def test_your_own_draft_is_listed_but_needs_no_tick(as_publisher, leaflet, question, emails):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, leaflet)[-1])

    warning = html.select_one("[aria-labelledby=replaces-heading]")
    assert text_of(warning.h2) == "This replaces unpublished work"
    assert "(your own: no tick needed)" in text_of(warning)
    assert html.select_one("#id_replace_drafts") is None

    assert as_publisher.post(url, form_fields(opened)).status_code == 302
    assert Question.objects.get(pk=question.pk).answer != PATS_CHANGE
    assert emails == []


def test_the_tick_confirms_only_the_drafts_that_were_shown(as_editor, as_publisher, reproduction, leaflet):
    who, row = reproduction
    url, opened, _ = restore_page(as_publisher, row)
    # Erin saves again after Pat opened the page: the tick was given for the draft Pat read.
    save_draft(as_editor, Question.objects.get(pk=who.pk), answer="A newer draft, saved after Pat looked.")

    refused = as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"})

    assert refused.status_code == 200
    assert "have changed since you opened this page" in text_of(page(refused).select_one(".error-summary"))
    assert Question.objects.get(pk=who.pk).answer == "A newer draft, saved after Pat looked."

    again = as_publisher.post(url, {**form_fields(refused), "replace_drafts": "yes"})
    assert again.status_code == 302


# --- restoring with the tick ---------------------------------------------------------------


@pytest.fixture
def restored(as_publisher, reproduction):
    who, row = reproduction
    url, opened, _ = restore_page(as_publisher, row)
    response = as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"})
    assert response.status_code == 302, text_of(page(response).select_one("#content-main"))
    return who, as_publisher.get(response["Location"])


def test_with_the_tick_the_draft_is_replaced_and_the_publisher_is_told_who_was_told(restored):
    who, after = restored

    assert Question.objects.get(pk=who.pk).answer != ERINS_DRAFT
    messages = text_of(page(after).select_one(".messagelist"))
    assert (
        "It replaced unpublished work by Erin. They have been told by email and on their home page"
        in messages
    )
    assert (
        "Closed 1 request for approval about the drafts it changed, and told the people who sent them: "
        f"Erin's, for “{WHO}”." in messages
    )


def test_the_editor_is_emailed_what_was_replaced_by_whom_with_a_link_to_the_history(
    restored, editor, leaflet, emails
):
    (email,) = emails
    assert email.to == [editor.email]
    assert email.subject == f"Your draft was replaced by a restore: {leaflet.title}"
    assert email.body.startswith(f"Pat restored the version of “{leaflet.title}” saved at ")
    assert f"It replaced your unpublished draft:\n- “{WHO}”, saved " in email.body
    assert (
        f"It closed your request for approval, because the draft it was about changed:\n- “{WHO}”"
        in email.body
    )
    assert f"https://scr.example.gov.uk{admin_url(leaflet, 'history')}" in email.body
    assert f"https://scr.example.gov.uk{admin_url(leaflet, 'compare')}?from=" in email.body


def test_the_editors_home_page_says_the_draft_was_replaced_and_links_to_the_text(
    as_editor, restored, leaflet
):
    panel = home(as_editor).select_one("[aria-labelledby=replaced-heading]")

    assert text_of(panel.h2) == "Your drafts replaced by a restore"
    replaced, closed = panel.select("li.home-list__item")
    assert text_of(replaced).startswith(f"Draft replaced by a restore: “{leaflet.title}”, at ")
    assert f"which replaced Erin's unpublished draft of “{WHO}”" in text_of(replaced)
    assert text_of(closed).startswith(f"Request for approval closed: “{WHO}”, at ")
    compare = next(a for a in replaced.select("a") if text_of(a).startswith("Compare your draft"))
    shown = page(as_editor.get(compare["href"]))
    changed = next(li for li in shown.select("ul.question-changes > li") if WHO in text_of(li))
    earlier = changed.select_one("tr.diff-changed td")
    assert text_of(earlier) == ERINS_DRAFT


def test_the_editors_home_page_no_longer_invites_edit_it(as_editor, restored):
    mine = home(as_editor).select_one("[aria-labelledby=requests-heading]")
    assert mine is None or "Sent back" not in text_of(mine)


def test_the_sent_back_request_is_closed_with_a_history_entry(restored, publisher, editor):
    who, _ = restored
    request = ApprovalRequest.objects.get()

    assert request.state == ApprovalRequest.State.CLOSED
    assert request.decided_by == publisher
    assert request.decision_comment.startswith(f"Pat restored the version of “{who.leaflet.title}” saved at ")
    closed = Activity.objects.for_object(who).get(kind=Activity.Kind.REQUEST_CLOSED)
    assert closed.for_user == editor and closed.user == publisher


def test_the_leaflet_history_keeps_the_restore_and_whose_draft_it_replaced(as_publisher, restored, leaflet):
    html = page(as_publisher.get(admin_url(leaflet, "history")))
    steps = [text_of(li) for li in html.select("ul.activity li")]
    assert any(
        "Draft replaced by a restore" in step and f"Erin's unpublished draft of “{WHO}”" in step
        for step in steps
    )
    assert any(
        "Earlier version restored as a draft" in step and "It replaced Erin's" in step for step in steps
    )


def test_a_waiting_request_for_a_replaced_draft_is_closed_and_its_sender_emailed(
    as_editor, as_publisher, leaflet, question, editor, emails
):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    who = leaflet.questions.get(question=WHO)
    waiting = send_for_approval(as_editor, who, answer=ERINS_DRAFT)
    emails.clear()
    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, leaflet)[1])
    assert f"sent for approval {hh_mm(waiting.requested_at)}" in text_of(
        html.select_one("[aria-labelledby=replaces-heading]")
    )

    assert as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"}).status_code == 302

    waiting.refresh_from_db()
    assert waiting.state == ApprovalRequest.State.CLOSED
    assert [email.to for email in emails] == [[editor.email]]
    assert Activity.objects.filter(kind=Activity.Kind.REQUEST_CLOSED, for_user=editor).count() == 1


def test_a_request_for_a_question_the_restore_leaves_alone_stays_waiting(
    as_editor, as_publisher, leaflet, question, emails
):
    who = leaflet.questions.get(question=WHO)
    waiting = send_for_approval(as_editor, who, answer=ERINS_DRAFT)
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    save_draft(as_publisher, question, answer="Pat's second thoughts.")
    emails.clear()

    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, leaflet)[1])
    assert html.select_one("#id_replace_drafts") is None
    assert as_publisher.post(url, form_fields(opened)).status_code == 302

    waiting.refresh_from_db()
    assert waiting.state == ApprovalRequest.State.WAITING
    assert Question.objects.get(pk=who.pk).answer == ERINS_DRAFT
    assert emails == []


def test_a_leaflets_own_draft_is_credited_to_whoever_changed_its_text(
    as_editor, as_publisher, leaflet, question
):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    save_draft(as_editor, leaflet, introduction="Erin's new introduction.")
    # Pat's later question change adds a version of the leaflet too; the introduction is still Erin's.
    save_draft(as_publisher, Question.objects.get(pk=question.pk), answer="Pat's second thoughts.")

    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, leaflet)[2])

    assert "Replaces Erin's unpublished draft of “Serious Case Reviews" in text_of(
        html.select_one("[aria-labelledby=replaces-heading]")
    )
    assert text_of(html.select_one("table.diff thead th")).startswith(
        "Current draft: Erin's unpublished work"
    )
    assert as_publisher.post(url, form_fields(opened)).status_code == 200


def test_a_waiting_request_for_the_leaflet_is_closed_when_its_questions_change(
    as_editor, as_publisher, leaflet, question, editor
):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    waiting = send_for_approval(as_editor, leaflet, introduction="Erin's new introduction.")

    url, opened, _ = restore_page(as_publisher, history_rows(as_publisher, leaflet)[-1])
    assert as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"}).status_code == 302

    waiting.refresh_from_db()
    assert waiting.state == ApprovalRequest.State.CLOSED
    assert Activity.objects.for_object(leaflet).filter(kind="request_closed", for_user=editor).exists()


def test_restoring_a_question_alone_protects_its_draft_too(as_editor, as_publisher, question):
    save_draft(as_publisher, question, answer=PATS_CHANGE)
    save_draft(as_editor, question, answer=ERINS_DRAFT)

    url, opened, html = restore_page(as_publisher, history_rows(as_publisher, question)[1])
    assert text_of(html.select_one("table.diff thead th")).startswith(
        "Current draft: Erin's unpublished work"
    )
    assert as_publisher.post(url, form_fields(opened)).status_code == 200
    assert Question.objects.get(pk=question.pk).answer == ERINS_DRAFT


def test_an_email_that_cannot_be_sent_is_reported_and_the_restore_still_stands(
    as_publisher, reproduction, monkeypatch
):
    who, row = reproduction

    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("mail server down")

    monkeypatch.setattr("scr_site.leaflet.drafts.restore_notices.send_mail", refuse)
    url, opened, _ = restore_page(as_publisher, row)
    response = as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"}, follow=True)

    assert "Could not email Erin (the email could not be sent). Tell them yourself" in text_of(
        page(response).select_one(".messagelist")
    )
    assert Question.objects.get(pk=who.pk).answer != ERINS_DRAFT


# --- who may restore ----------------------------------------------------------------------------


def test_only_publishers_can_restore(client, as_editor, as_publisher, reproduction):
    who, row = reproduction
    url = row["row"].select_one("a[href*='/restore/']")["href"]
    visitor = User.objects.create_user("visitor", password="a-long-password-1")

    assert client.get(url).status_code == 302
    assert client.get(url)["Location"].startswith(reverse("admin:login"))
    assert signed_in(visitor).get(url).status_code == 403
    assert signed_in(visitor).post(url, {"replace_drafts": "yes"}).status_code == 403
    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url, {"replace_drafts": "yes"}).status_code == 403
    assert as_publisher.get(url).status_code == 200
    assert Question.objects.get(pk=who.pk).answer == ERINS_DRAFT


def test_someone_with_no_email_address_is_named_so_the_publisher_can_tell_them(
    as_publisher, reproduction, editor, emails
):
    who, row = reproduction
    User.objects.filter(pk=editor.pk).update(email="")
    url, opened, _ = restore_page(as_publisher, row)

    response = as_publisher.post(url, {**form_fields(opened), "replace_drafts": "yes"}, follow=True)

    assert "Could not email Erin (no email address). Tell them yourself" in text_of(
        page(response).select_one(".messagelist")
    )
    assert emails == []
