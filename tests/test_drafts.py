"""Staff changes are drafts: families see them only once someone with the right publishes them."""

import pytest
from django.contrib.auth.models import User

from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Section

from .helpers import page, text_of
from .staff import (
    add_inline_question,
    admin_form,
    banner,
    banner_entries,
    change_url,
    inline_prefix,
    label_under,
    main_text,
    preview_of,
    publish_by_url,
    publish_url,
    questions_on,
    save_draft,
    save_leaflet_draft,
)

pytestmark = pytest.mark.django_db

NEW_ANSWER = "Usually about six months, and we will write to you if it takes longer."


# --- saving is a draft ----------------------------------------------------------


def test_saving_an_answer_changes_nothing_families_see(client, as_editor, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)

    assert Section.objects.get(pk=section.pk).answer == NEW_ANSWER
    assert NEW_ANSWER not in main_text(client)
    assert section.answer.split("\n")[0][:40] in main_text(client)


def test_saving_a_question_on_its_own_page_changes_nothing_families_see(client, as_editor, section):
    save_draft(as_editor, section, answer=NEW_ANSWER)

    assert NEW_ANSWER not in main_text(client)


def test_the_preview_shows_the_saved_draft(as_editor, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)

    response = preview_of(as_editor, leaflet)
    assert response.status_code == 200
    assert NEW_ANSWER in text_of(page(response).select_one("main"))


def test_a_page_draft_is_shown_in_its_preview_but_not_on_the_page(client, as_editor, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    save_draft(as_editor, privacy, body="## Cookies\n\nWe now use one cookie to remember your settings.")

    assert "We now use one cookie" not in main_text(client, "/privacy/")
    preview = as_editor.get(f"/preview/pages/{privacy.pk}/")
    assert "We now use one cookie to remember your settings." in text_of(page(preview).select_one("main"))


# --- the preview ------------------------------------------------------------------


@pytest.fixture
def preview_paths(leaflet):
    return [f"/preview/leaflets/{leaflet.pk}/", f"/preview/pages/{Page.objects.get(slug='privacy').pk}/"]


def test_families_cannot_open_a_preview(client, preview_paths, leaflet, section):
    Section.objects.filter(pk=section.pk).update(answer="A secret draft answer nobody has approved.")
    for path in preview_paths:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
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
        assert "Families still see the published version." in text_of(html.select_one(".preview-banner"))


def test_a_preview_with_no_changes_says_so(as_editor, leaflet):
    assert "Nothing has changed since it was last published." in text_of(
        banner(preview_of(as_editor, leaflet))
    )


def test_the_preview_labels_a_changed_question_and_shows_the_changed_words(as_editor, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)

    response = preview_of(as_editor, leaflet)
    assert label_under(response, section.question) == "Changed: not yet published"
    assert f"Question: {section.question}" in banner_entries(response)
    entry = next(
        li for li in banner(response).select("ul.preview-changes > li") if section.question in text_of(li)
    )
    assert "(Draft changes not yet published)" in text_of(entry)
    assert "six months" in " ".join(text_of(ins) for ins in entry.select("ins"))


def test_saving_one_question_on_the_leaflet_marks_no_other_question_as_changed(as_editor, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)

    response = preview_of(as_editor, leaflet)
    labelled = [question for question in questions_on(response) if label_under(response, question)]
    assert labelled == [section.question]
    assert [entry for entry in banner_entries(response) if entry.startswith("Question:")] == [
        f"Question: {section.question}"
    ]


def test_the_preview_labels_a_new_question(as_editor, leaflet):
    data = add_inline_question(
        admin_form(as_editor.get(change_url(leaflet))),
        leaflet,
        "Can I Read the Report?",
        "Yes, once it is done.",
    )
    assert as_editor.post(change_url(leaflet), data).status_code == 302

    response = preview_of(as_editor, leaflet)
    assert label_under(response, "Can I Read the Report?") == "New: not yet published"
    assert "Question: Can I Read the Report?" in banner_entries(response)


def test_the_preview_lists_a_deleted_question_as_removed(as_publisher, leaflet, section):
    save_leaflet_draft(as_publisher, leaflet, section, DELETE="on")

    response = preview_of(as_publisher, leaflet)
    assert section.question not in questions_on(response)
    removed = [text_of(li) for li in banner(response).select("ul.preview-changes > li")]
    assert f"Question: {section.question} (removed: it disappears when published)" in removed


def test_the_preview_offers_publishing_only_to_publishers(as_editor, as_publisher, leaflet):
    editors_banner = banner(preview_of(as_editor, leaflet))
    assert editors_banner.select_one("form.preview-publish") is None
    assert "Ask a Publisher to publish it" in text_of(editors_banner)

    form = banner(preview_of(as_publisher, leaflet)).select_one("form.preview-publish")
    assert form["action"] == publish_url(leaflet)


# --- publishing --------------------------------------------------------------------


def test_save_and_publish_shows_the_change_at_the_next_request(client, as_publisher, leaflet, section):
    data = admin_form(as_publisher.get(change_url(leaflet)))
    data[inline_prefix(data, section) + "answer"] = NEW_ANSWER
    response = as_publisher.post(change_url(leaflet), {**data, "_publish": "Save and publish"})
    assert response.status_code == 302

    assert NEW_ANSWER in main_text(client)


def test_publishing_a_saved_draft_shows_it_at_the_next_request(
    client, as_editor, as_publisher, leaflet, section
):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)
    assert NEW_ANSWER not in main_text(client)

    publish_by_url(as_publisher, leaflet)

    assert NEW_ANSWER in main_text(client)


def test_publishing_from_the_preview_button_publishes_what_the_preview_showed(
    client, as_editor, as_publisher, leaflet, section
):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)
    action = banner(preview_of(as_publisher, leaflet)).select_one("form.preview-publish")["action"]

    assert as_publisher.post(action).status_code == 302
    assert NEW_ANSWER in main_text(client)
    assert "Nothing has changed since it was last published." in text_of(
        banner(preview_of(as_publisher, leaflet))
    )


def test_publishing_cannot_be_done_by_following_a_link(client, as_editor, as_publisher, leaflet, section):
    save_leaflet_draft(as_editor, leaflet, section, answer=NEW_ANSWER)

    assert as_publisher.get(publish_url(leaflet)).status_code == 405
    assert NEW_ANSWER not in main_text(client)


def test_a_new_question_appears_only_after_publishing(client, as_editor, as_publisher, leaflet):
    data = add_inline_question(
        admin_form(as_editor.get(change_url(leaflet))),
        leaflet,
        "Can I Read the Report?",
        "Yes, once it is done.",
    )
    assert as_editor.post(change_url(leaflet), data).status_code == 302
    assert "Can I Read the Report?" not in questions_on(client.get("/"))

    publish_by_url(as_publisher, leaflet)

    assert questions_on(client.get("/"))[0] == "Can I Read the Report?"
    assert "Yes, once it is done." in main_text(client)


def test_a_deleted_question_stays_until_the_leaflet_is_published(client, as_publisher, leaflet, section):
    save_leaflet_draft(as_publisher, leaflet, section, DELETE="on")
    assert not Section.objects.filter(pk=section.pk).exists()
    assert section.question in questions_on(client.get("/"))

    publish_by_url(as_publisher, leaflet)

    assert section.question not in questions_on(client.get("/"))
    contents = [text_of(a) for a in page(client.get("/")).select("nav.contents a")]
    assert section.question not in contents


def test_a_question_deleted_on_its_own_page_stays_until_the_leaflet_is_published(
    client, as_publisher, leaflet, section
):
    assert (
        as_publisher.post(f"/admin/leaflet/section/{section.pk}/delete/", {"post": "yes"}).status_code == 302
    )
    assert section.question in questions_on(client.get("/"))

    publish_by_url(as_publisher, leaflet)

    assert section.question not in questions_on(client.get("/"))


def test_publishing_one_leaflet_leaves_another_leaflets_questions_alone(client, as_publisher, leaflet):
    other = Leaflet.objects.create(title="For young people", slug="young-people")
    kept = Section.objects.create(leaflet=other, question="What happens next?", answer="We will tell you.")
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


def test_a_deleted_board_stays_until_a_leaflet_is_published(client, as_publisher, leaflet):
    board = Board.objects.get(name="Cambridgeshire Local Safeguarding Children Board")
    assert as_publisher.post(f"/admin/leaflet/board/{board.pk}/delete/", {"post": "yes"}).status_code == 302
    assert board.name in main_text(client)
    assert f"Board: {board.name} (removed: it disappears when published)" in [
        text_of(li) for li in banner(preview_of(as_publisher, leaflet)).select("ul.preview-changes > li")
    ]

    publish_by_url(as_publisher, leaflet)

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
        "/admin/leaflet/guidancelink/add/",
        {"title": "Keeping Children Safe", "url": "https://www.gov.uk/keeping-children-safe", "order": 99},
    )
    assert response.status_code == 302
    assert "Keeping Children Safe" not in main_text(client)

    publish_by_url(as_publisher, leaflet)

    assert "Keeping Children Safe" in [text_of(a) for a in page(client.get("/")).select(".guidance a")]


def test_a_new_page_is_invisible_until_published(client, as_editor, as_publisher, leaflet_content):
    response = as_editor.post(
        "/admin/leaflet/page/add/",
        {
            "title": "Complaints",
            "summary": "",
            "body": "## How to complain\n\nWrite to the board.",
            "published": "on",
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
    assert "Write to the board." in text_of(
        page(as_editor.get(f"/preview/pages/{new_page.pk}/")).select_one("main")
    )

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
    response = as_publisher.post(f"/admin/leaflet/page/{privacy.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302

    # There is nothing left in the admin to publish, so the deletion itself must take the page down.
    assert client.get("/privacy/").status_code == 404
    assert "/privacy/" not in [a["href"] for a in page(client.get("/")).select("footer a")]


def test_an_unpublished_flag_hides_a_page_only_once_published(
    client, as_editor, as_publisher, leaflet_content
):
    privacy = Page.objects.get(slug="privacy")
    data = admin_form(as_editor.get(change_url(privacy)))
    del data["published"]
    assert as_editor.post(change_url(privacy), data).status_code == 302
    assert client.get("/privacy/").status_code == 200

    publish_by_url(as_publisher, privacy)

    assert client.get("/privacy/").status_code == 404


# --- what staff are told -------------------------------------------------------------


def status_in_list(browser, model_name, name):
    html = page(browser.get(f"/admin/leaflet/{model_name}/"))
    row = next(tr for tr in html.select("#result_list tbody tr") if name in text_of(tr))
    return text_of(row.select_one("td.field-status"))


def test_the_list_shows_whether_families_see_the_latest_save(as_editor, as_publisher, leaflet, section):
    assert status_in_list(as_editor, "section", section.question) == "Published"

    save_draft(as_editor, section, answer=NEW_ANSWER)
    assert status_in_list(as_editor, "section", section.question) == "Draft changes not yet published"
    # Publishing the leaflet would publish the question, so the leaflet shows the change too.
    assert status_in_list(as_editor, "leaflet", leaflet.title) == "Draft changes not yet published"

    publish_by_url(as_publisher, leaflet)
    assert status_in_list(as_editor, "section", section.question) == "Published"
    assert status_in_list(as_editor, "leaflet", leaflet.title) == "Published"


def test_the_leaflet_list_shows_a_saved_leaflet_as_a_draft_until_published(as_editor, as_publisher, leaflet):
    save_draft(as_editor, leaflet, introduction="Read this first.")
    assert status_in_list(as_editor, "leaflet", leaflet.title) == "Draft changes not yet published"

    publish_by_url(as_publisher, leaflet)
    assert status_in_list(as_editor, "leaflet", leaflet.title) == "Published"


def test_the_list_shows_a_new_item_as_never_published(as_editor, leaflet_content):
    response = as_editor.post(
        "/admin/leaflet/guidancelink/add/",
        {"title": "Keeping Children Safe", "url": "https://www.gov.uk/keeping-children-safe", "order": 99},
    )
    assert response.status_code == 302
    assert status_in_list(as_editor, "guidancelink", "Keeping Children Safe") == "Draft, never published"


def test_the_change_form_tells_staff_families_do_not_see_the_draft_yet(as_editor, section):
    save_draft(as_editor, section, answer=NEW_ANSWER)

    status = page(as_editor.get(change_url(section))).select_one(".publish-status")
    assert text_of(status).startswith("Families see: Draft changes not yet published.")
