"""Staff changes are drafts: families see them only once someone with the right publishes them."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.drafts.publishing import deletions_are_drafts
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question

from .helpers import page, text_of
from .staff import (
    admin_form,
    banner,
    banner_entries,
    change_url,
    label_under,
    main_text,
    preview_of,
    publish_by_url,
    publish_url,
    questions_on,
    save_draft,
)

pytestmark = pytest.mark.django_db


def admin_url_for_login():
    return reverse("admin:login")


NEW_ANSWER = "Usually about six months, and we will write to you if it takes longer."


def add_question(browser, leaflet, question, answer):
    response = browser.post(
        admin_url(Question, "add"),
        {
            "leaflet": leaflet.pk,
            "question": question,
            "answer": answer,
            "order": 5,
            "show_to_families": "on",
            "anchor": "",
            "_continue": "Save draft",
        },
    )
    assert response.status_code == 302, page(response).select(".errorlist")
    return Question.objects.get(question=question)


def delete(browser, obj):
    response = browser.post(admin_url(obj, "delete"), {"post": "yes"})
    assert response.status_code == 302


# --- saving is a draft ----------------------------------------------------------


def test_saving_an_answer_changes_nothing_families_see(client, as_editor, leaflet, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    assert Question.objects.get(pk=question.pk).answer == NEW_ANSWER
    assert NEW_ANSWER not in main_text(client)
    assert question.answer.split("\n")[0][:40] in main_text(client)


def test_saving_a_draft_keeps_the_editor_on_the_form(as_editor, question):
    response = save_draft(as_editor, question, answer=NEW_ANSWER)

    assert response["Location"] == change_url(question)


@pytest.mark.parametrize("preview_of_what", ["leaflet", "question"])
def test_the_preview_shows_the_saved_draft(as_editor, leaflet, question, preview_of_what):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    response = preview_of(as_editor, {"leaflet": leaflet, "question": question}[preview_of_what])
    assert response.status_code == 200
    assert NEW_ANSWER in text_of(page(response).select_one("main"))


def test_the_preview_button_saves_the_draft_then_shows_the_preview(as_editor, question):
    data = {**admin_form(as_editor.get(change_url(question))), "answer": NEW_ANSWER, "_preview": "Preview"}

    response = as_editor.post(change_url(question), data)

    assert response.status_code == 302
    assert response["Location"] == preview_url(question)
    assert Question.objects.get(pk=question.pk).answer == NEW_ANSWER


def test_a_question_preview_shows_only_that_question_as_drafted(as_editor, leaflet, question):
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(as_editor, question, answer=NEW_ANSWER)
    save_draft(as_editor, other, answer="A different draft nobody asked to see here.")

    response = preview_of(as_editor, question)

    assert NEW_ANSWER in text_of(page(response).select_one("main"))
    assert "A different draft" not in text_of(page(response).select_one("main"))
    assert banner_entries(response) == [f"Question: {question.question}"]


def test_a_board_preview_shows_the_leaflet_with_that_board_as_drafted(as_editor, leaflet):
    board = Board.objects.get(name="Peterborough Safeguarding Children Board")
    save_draft(as_editor, board, telephone="01733 863700")

    response = preview_of(as_editor, board)

    assert "01733 863700" in text_of(page(response).select_one(".boards"))
    assert banner_entries(response) == [f"Board: {board.name}"]


def test_a_page_draft_is_shown_in_its_preview_but_not_on_the_page(client, as_editor, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    save_draft(as_editor, privacy, body="## Cookies\n\nWe now use one cookie to remember your settings.")

    assert "We now use one cookie" not in main_text(client, "/privacy/")
    preview = preview_of(as_editor, privacy)
    assert "We now use one cookie to remember your settings." in text_of(page(preview).select_one("main"))


# --- the preview ------------------------------------------------------------------


@pytest.fixture
def preview_paths(leaflet):
    return [
        preview_url(item)
        for item in [
            leaflet,
            leaflet.questions.first(),
            Board.objects.first(),
            GuidanceLink.objects.first(),
            Page.objects.get(slug="privacy"),
        ]
    ]


def test_families_cannot_open_a_preview(client, preview_paths, leaflet, question):
    Question.objects.filter(pk=question.pk).update(answer="A secret draft answer nobody has approved.")
    for path in preview_paths:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(admin_url_for_login())
        assert b"secret draft" not in response.content
        assert b"Preview" not in response.content


def test_a_signed_in_member_of_the_public_cannot_open_a_preview(client, preview_paths):
    client.force_login(User.objects.create_user("visitor", password="a-long-password-1"))
    for path in preview_paths:
        response = client.get(path)
        # Signed in but not staff: refused outright, and never shown the draft.
        assert response.status_code == 403
        assert b"preview-banner" not in response.content


def test_a_preview_is_never_kept_in_a_cache(as_editor, preview_paths):
    for path in preview_paths:
        cache_control = as_editor.get(path)["Cache-Control"]
        for directive in ("no-cache", "no-store", "private"):
            assert directive in cache_control, (path, cache_control)


def test_a_preview_says_it_is_a_preview(as_editor, preview_paths):
    for path in preview_paths:
        html = page(as_editor.get(path))
        assert text_of(html.select_one(".preview-banner h2")) == "Preview: not yet published"
        assert "Families still see what is live now." in text_of(html.select_one(".preview-banner"))


def test_a_preview_with_no_changes_says_so(as_editor, leaflet):
    assert "Nothing has changed since it was last published." in text_of(
        banner(preview_of(as_editor, leaflet))
    )


def test_the_preview_labels_a_changed_question_and_shows_the_changed_words(as_editor, leaflet, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    response = preview_of(as_editor, leaflet)
    assert label_under(response, question.question) == "Changed: not yet published"
    assert f"Question: {question.question}" in banner_entries(response)
    entry = next(
        li for li in banner(response).select("ul.preview-changes > li") if question.question in text_of(li)
    )
    assert "(Live, with a draft)" in text_of(entry)
    assert "six months" in " ".join(text_of(ins) for ins in entry.select("ins"))


def test_saving_one_question_marks_no_other_question_as_changed(as_editor, leaflet, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    response = preview_of(as_editor, leaflet)
    labelled = [question for question in questions_on(response) if label_under(response, question)]
    assert labelled == [question.question]
    assert [entry for entry in banner_entries(response) if entry.startswith("Question:")] == [
        f"Question: {question.question}"
    ]


def test_the_preview_labels_a_new_question(as_editor, leaflet):
    add_question(as_editor, leaflet, "Can I Read the Report?", "Yes, once it is done.")

    response = preview_of(as_editor, leaflet)
    assert label_under(response, "Can I Read the Report?") == "New: not yet published"
    assert "Question: Can I Read the Report?" in banner_entries(response)


def test_the_preview_lists_a_question_removed_from_the_draft_as_removed(as_publisher, leaflet, question):
    # A restore of a version without the question removes it from the draft only.
    with deletions_are_drafts():
        Question.objects.get(pk=question.pk).delete()

    response = preview_of(as_publisher, leaflet)
    assert question.question not in questions_on(response)
    removed = [text_of(li) for li in banner(response).select("ul.preview-changes > li")]
    assert f"Question: {question.question} (removed: it disappears when published)" in removed


def test_the_preview_offers_publishing_only_to_publishers(as_editor, as_publisher, leaflet):
    editors_banner = banner(preview_of(as_editor, leaflet))
    assert editors_banner.select_one("form.preview-publish") is None
    assert "A Publisher publishes it" in text_of(editors_banner)

    form = banner(preview_of(as_publisher, leaflet)).select_one("form.preview-publish")
    assert form["action"] == publish_url(leaflet)


# --- publishing --------------------------------------------------------------------


def test_publish_saves_and_shows_the_change_at_the_next_request(client, as_publisher, question):
    data = admin_form(as_publisher.get(change_url(question)))
    response = as_publisher.post(change_url(question), {**data, "answer": NEW_ANSWER, "_publish": "Publish"})
    assert response.status_code == 302
    assert response["Location"] == change_url(question)

    assert NEW_ANSWER in main_text(client)


def test_publishing_a_saved_draft_shows_it_at_the_next_request(
    client, as_editor, as_publisher, leaflet, question
):
    save_draft(as_editor, question, answer=NEW_ANSWER)
    assert NEW_ANSWER not in main_text(client)

    publish_by_url(as_publisher, leaflet)

    assert NEW_ANSWER in main_text(client)


def test_publishing_from_the_preview_button_publishes_what_the_preview_showed(
    client, as_editor, as_publisher, leaflet, question
):
    save_draft(as_editor, question, answer=NEW_ANSWER)
    action = banner(preview_of(as_publisher, leaflet)).select_one("form.preview-publish")["action"]

    assert as_publisher.post(action).status_code == 302
    assert NEW_ANSWER in main_text(client)
    assert "Nothing has changed since it was last published." in text_of(
        banner(preview_of(as_publisher, leaflet))
    )


def test_publishing_cannot_be_done_by_following_a_link(client, as_editor, as_publisher, leaflet, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    assert as_publisher.get(publish_url(leaflet)).status_code == 405
    assert NEW_ANSWER not in main_text(client)


def test_a_new_question_appears_only_after_publishing(client, as_editor, as_publisher, leaflet):
    add_question(as_editor, leaflet, "Can I Read the Report?", "Yes, once it is done.")
    assert "Can I Read the Report?" not in questions_on(client.get("/"))

    publish_by_url(as_publisher, leaflet)

    assert questions_on(client.get("/"))[0] == "Can I Read the Report?"
    assert "Yes, once it is done." in main_text(client)


def test_a_deleted_question_is_withdrawn_at_once(client, as_publisher, leaflet, question):
    assert question.question in questions_on(client.get("/"))

    delete(as_publisher, question)

    assert not Question.objects.filter(pk=question.pk).exists()
    assert question.question not in questions_on(client.get("/"))
    contents = [text_of(a) for a in page(client.get("/")).select("nav.contents a")]
    assert question.question not in contents
    # Nothing is left for publishing the leaflet to remove.
    assert "removed" not in text_of(banner(preview_of(as_publisher, leaflet)))


def test_publishing_one_leaflet_leaves_another_leaflets_questions_alone(client, as_publisher, leaflet):
    other = Leaflet.objects.create(title="For young people", slug="young-people")
    kept = Question.objects.create(leaflet=other, question="What happens next?", answer="We will tell you.")
    publish_by_url(as_publisher, other)
    assert "What happens next?" in questions_on(client.get("/leaflets/young-people/"))

    publish_by_url(as_publisher, leaflet)

    assert kept.question in questions_on(client.get("/leaflets/young-people/"))


def test_a_board_edit_is_a_draft_until_a_leaflet_is_published(client, as_editor, as_publisher, leaflet):
    board = Board.objects.get(name="Peterborough Safeguarding Children Board")
    save_draft(as_editor, board, telephone="01733 000111")
    assert "01733 000111" not in main_text(client)
    assert "01733 863765" in main_text(client)
    assert "Board: Peterborough Safeguarding Children Board" in banner_entries(preview_of(as_editor, leaflet))
    assert "01733 000111" in text_of(page(preview_of(as_editor, leaflet)).select_one(".boards"))

    publish_by_url(as_publisher, leaflet)

    assert "01733 000111" in main_text(client)
    assert "01733 863765" not in main_text(client)


def test_a_board_can_be_published_on_its_own(client, as_editor, as_publisher, leaflet):
    board = Board.objects.get(name="Peterborough Safeguarding Children Board")
    save_draft(as_editor, board, telephone="01733 000111")

    publish_by_url(as_publisher, board)

    assert "01733 000111" in main_text(client)


def test_a_deleted_board_is_withdrawn_at_once(client, as_publisher, leaflet):
    board = Board.objects.get(name="Cambridgeshire Local Safeguarding Children Board")
    assert board.name in main_text(client)

    delete(as_publisher, board)

    assert board.name not in main_text(client)


def test_a_guidance_link_edit_is_a_draft_until_a_leaflet_is_published(
    client, as_editor, as_publisher, leaflet
):
    link = GuidanceLink.objects.first()
    save_draft(as_editor, link, title="Working Together to Safeguard Children, 2023")
    titles = [text_of(a) for a in page(client.get("/")).select(".guidance a")]
    assert link.title in titles
    assert "Working Together to Safeguard Children, 2023" not in titles
    assert "Guidance link: Working Together to Safeguard Children, 2023" in banner_entries(
        preview_of(as_editor, leaflet)
    )

    publish_by_url(as_publisher, leaflet)

    titles = [text_of(a) for a in page(client.get("/")).select(".guidance a")]
    assert "Working Together to Safeguard Children, 2023" in titles
    assert link.title not in titles


def test_a_new_guidance_link_appears_only_after_publishing(client, as_editor, as_publisher, leaflet):
    response = as_editor.post(
        admin_url(GuidanceLink, "add"),
        {"title": "Keeping Children Safe", "url": "https://www.gov.uk/keeping-children-safe", "order": 99},
    )
    assert response.status_code == 302
    assert "Keeping Children Safe" not in main_text(client)

    publish_by_url(as_publisher, leaflet)

    assert "Keeping Children Safe" in [text_of(a) for a in page(client.get("/")).select(".guidance a")]


def test_a_new_page_is_invisible_until_published(client, as_editor, as_publisher, leaflet_content):
    response = as_editor.post(
        admin_url(Page, "add"),
        {
            "title": "Complaints",
            "summary": "",
            "body": "## How to complain\n\nWrite to the board.",
            "show_to_families": "on",
            "show_in_footer": "on",
            "footer_order": 40,
            "slug": "complaints",
            "last_reviewed_on": "",
            "next_review_due": "",
            "review_contact": "",
        },
    )
    assert response.status_code == 302
    new_page = Page.objects.get(slug="complaints")
    assert client.get("/complaints/").status_code == 404
    assert "/complaints/" not in [a["href"] for a in page(client.get("/")).select("footer a")]
    assert "Write to the board." in text_of(page(preview_of(as_editor, new_page)).select_one("main"))

    publish_by_url(as_publisher, new_page)

    assert "Write to the board." in main_text(client, "/complaints/")
    assert "/complaints/" in [a["href"] for a in page(client.get("/")).select("footer a")]


def test_a_page_edit_is_shown_only_after_publishing(client, as_editor, as_publisher, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    save_draft(as_editor, privacy, title="Privacy, cookies and your data")
    assert text_of(page(client.get("/privacy/")).h1) == "Privacy and cookies"

    publish_by_url(as_publisher, privacy)

    assert text_of(page(client.get("/privacy/")).h1) == "Privacy, cookies and your data"


def test_a_page_deleted_by_a_publisher_does_not_stay_on_the_site(client, as_publisher, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    delete(as_publisher, privacy)

    # There is nothing left in the admin to publish, so the deletion itself must take the page down.
    assert client.get("/privacy/").status_code == 404
    assert "/privacy/" not in [a["href"] for a in page(client.get("/")).select("footer a")]


def test_an_unpublished_flag_hides_a_page_only_once_published(
    client, as_editor, as_publisher, leaflet_content
):
    privacy = Page.objects.get(slug="privacy")
    data = admin_form(as_editor.get(change_url(privacy)))
    del data["show_to_families"]
    assert as_editor.post(change_url(privacy), data).status_code == 302
    assert client.get("/privacy/").status_code == 200

    publish_by_url(as_publisher, privacy)

    assert client.get("/privacy/").status_code == 404


# --- what staff are told -------------------------------------------------------------


def status_in_list(browser, model, name):
    html = page(browser.get(admin_url(model, "changelist")))
    row = next(tr for tr in html.select("#result_list tbody tr") if name in text_of(tr))
    return text_of(row.select_one("td.field-publishing_status"))


def test_the_list_shows_whether_families_see_the_latest_save(as_editor, as_publisher, leaflet, question):
    assert status_in_list(as_editor, Question, question.question) == "Live"

    save_draft(as_editor, question, answer=NEW_ANSWER)
    assert status_in_list(as_editor, Question, question.question) == "Live, with a draft"
    # Publishing the leaflet would publish the question, so the leaflet shows the change too.
    assert status_in_list(as_editor, Leaflet, leaflet.title) == "Live, with a draft"

    publish_by_url(as_publisher, leaflet)
    assert status_in_list(as_editor, Question, question.question) == "Live"
    assert status_in_list(as_editor, Leaflet, leaflet.title) == "Live"


def test_the_leaflet_list_shows_a_saved_leaflet_as_a_draft_until_published(as_editor, as_publisher, leaflet):
    save_draft(as_editor, leaflet, introduction="Read this first.")
    assert status_in_list(as_editor, Leaflet, leaflet.title) == "Live, with a draft"

    publish_by_url(as_publisher, leaflet)
    assert status_in_list(as_editor, Leaflet, leaflet.title) == "Live"


def test_the_list_shows_a_new_item_as_never_published(as_editor, leaflet_content):
    response = as_editor.post(
        admin_url(GuidanceLink, "add"),
        {"title": "Keeping Children Safe", "url": "https://www.gov.uk/keeping-children-safe", "order": 99},
    )
    assert response.status_code == 302
    assert status_in_list(as_editor, GuidanceLink, "Keeping Children Safe") == "Draft, never published"


def test_the_status_line_says_what_is_live_and_who_changed_it(as_editor, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)

    status = text_of(page(as_editor.get(change_url(question))).select_one(".status-line"))
    assert status.startswith("Live since ")
    assert "Draft by Erin at " in status
    assert "not live yet" in status
    assert "Compare with live" in status


def test_compare_with_live_shows_the_draft_against_what_families_see(as_editor, question):
    save_draft(as_editor, question, answer=NEW_ANSWER)
    link = page(as_editor.get(change_url(question))).find("a", string="Compare with live")

    response = as_editor.get(link["href"])

    assert response.status_code == 200
    assert "six months" in " ".join(text_of(ins) for ins in page(response).select("ins"))


def test_a_new_item_says_it_is_not_published_yet(as_editor, leaflet_content):
    link = GuidanceLink.objects.create(title="Keeping Children Safe", url="https://www.gov.uk/kcs")

    status = text_of(page(as_editor.get(change_url(link))).select_one(".status-line"))
    assert status.startswith("Draft, never published: families cannot see it.")


def test_the_status_line_says_when_nothing_is_waiting(as_editor, question):
    status = text_of(page(as_editor.get(change_url(question))).select_one(".status-line"))
    assert "Families see the version below." in status
