"""Editors write drafts; only Publishers change what families see, delete, or restore."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question, SiteNotice, SiteSettings

from .helpers import page, text_of
from .staff import (
    admin_form,
    change_url,
    publish_url,
    questions_on,
    save_draft,
    signed_in,
)

pytestmark = pytest.mark.django_db

DRAFT = "It usually takes about a year, and we will keep you told."

CONTENT_MODELS = ["leaflet", "question", "board", "guidancelink", "page"]
TRANSLATIONS = [
    "leaflettranslation",
    "questiontranslation",
    "boardtranslation",
    "guidancelinktranslation",
    "pagetranslation",
    "interfacetext",
]


def families_see(client, path="/"):
    response = client.get(path)
    return response.status_code, text_of(page(response).select_one("main"))


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


# --- the roles -------------------------------------------------------------------


def test_the_editor_role_can_view_add_and_change_content_and_nothing_more(db):
    content = [*CONTENT_MODELS, *TRANSLATIONS]
    expected = {f"{action}_{model}" for model in content for action in ("view", "add", "change")}
    seen_only = {"view_sitenotice", "view_sitesettings", "view_language", "view_sitenoticetranslation"}
    # Editors also read what families say about the pages (scr_site/feedback).
    feedback = {"view_usefulnessanswer", "view_problemreport"}
    assert codenames("Editor") == expected | seen_only | feedback


def test_the_publisher_role_can_also_publish_delete_restore_and_run_the_site(db):
    publisher = codenames("Publisher")
    assert codenames("Editor") < publisher
    assert {f"delete_{model}" for model in CONTENT_MODELS} <= publisher
    assert {"publish_content", "restore_content"} <= publisher
    assert {"add_sitenotice", "change_sitenotice", "delete_sitenotice", "change_sitesettings"} <= publisher
    assert {"add_language", "change_language", "delete_language"} <= publisher


def test_neither_role_can_manage_staff_accounts(db):
    for role in ("Editor", "Publisher"):
        assert not codenames(role) & {"add_user", "change_user", "delete_user", "change_group"}


# --- what an Editor can do ------------------------------------------------------


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_an_editor_can_open_every_kind_of_content(as_editor, leaflet_content, model):
    assert as_editor.get(reverse(f"admin:leaflet_{model}_changelist")).status_code == 200
    assert as_editor.get(reverse(f"admin:leaflet_{model}_add")).status_code == 200
    model_class = {
        "leaflet": Leaflet,
        "question": Question,
        "board": Board,
        "guidancelink": GuidanceLink,
        "page": Page,
    }
    assert as_editor.get(change_url(model_class[model].objects.first())).status_code == 200


def test_an_editor_can_open_previews(as_editor, leaflet):
    assert as_editor.get(preview_url(leaflet)).status_code == 200
    assert as_editor.get(preview_url(Page.objects.get(slug="privacy"))).status_code == 200


def test_an_editor_can_change_a_draft(client, as_editor, question):
    save_draft(as_editor, question, answer=DRAFT)

    assert Question.objects.get(pk=question.pk).answer == DRAFT
    assert DRAFT not in families_see(client)[1]


def test_an_editor_can_add_a_draft(as_editor, leaflet):
    response = as_editor.post(
        admin_url(Question, "add"),
        {
            "leaflet": leaflet.pk,
            "question": "Can I Read the Report?",
            "answer": "Yes.",
            "order": 99,
            "show_to_families": "on",
        },
    )
    assert response.status_code == 302
    assert Question.objects.filter(question="Can I Read the Report?").exists()


def test_an_editor_is_not_offered_publishing_deleting_or_restoring(as_editor, question):
    form_page = page(as_editor.get(change_url(question)))
    assert form_page.select_one("button[name=_publish]") is None
    assert form_page.select_one("button[name=_approval]") is not None
    assert form_page.select_one("a.deletelink") is None

    actions = [
        o["value"]
        for o in page(as_editor.get(admin_url(Question, "changelist"))).select("select[name=action] option")
    ]
    assert "publish_selected" not in actions
    assert "delete_selected" not in actions

    save_draft(as_editor, question, answer=DRAFT)
    save_draft(as_editor, question, answer=DRAFT + " Really.")
    history = page(as_editor.get(admin_url(question, "history")))
    assert history.select_one("a[href*='/restore/']") is None


def test_a_publisher_is_offered_publishing_deleting_and_restoring(as_publisher, question):
    form_page = page(as_publisher.get(change_url(question)))
    assert form_page.select_one("button[name=_publish]") is not None
    assert form_page.select_one("button[name=_approval]") is None
    assert form_page.select_one("a.deletelink") is not None

    actions = [
        o["value"]
        for o in page(as_publisher.get(admin_url(Question, "changelist"))).select(
            "select[name=action] option"
        )
    ]
    assert {"publish_selected", "delete_selected"} <= set(actions)

    save_draft(as_publisher, question, answer=DRAFT)
    save_draft(as_publisher, question, answer=DRAFT + " Really.")
    history = page(as_publisher.get(admin_url(question, "history")))
    assert history.select_one("a[href*='/restore/']") is not None


# --- what an Editor is refused, and what a Publisher may do ---------------------------


def test_editor_cannot_publish_by_posting_the_form_directly(client, as_editor, leaflet, question):
    before = families_see(client)
    versions = Version.objects.get_for_object(question).count()
    data = admin_form(as_editor.get(change_url(question)))

    response = as_editor.post(change_url(question), {**data, "answer": DRAFT, "_publish": "Publish"})

    assert response.status_code == 403
    assert families_see(client) == before
    assert Question.objects.get(pk=question.pk).answer == question.answer
    assert Version.objects.get_for_object(question).count() == versions


def test_editor_cannot_publish_a_new_item_by_posting_the_add_form_directly(client, as_editor, leaflet):
    before = families_see(client)
    response = as_editor.post(
        admin_url(Question, "add"),
        {
            "leaflet": leaflet.pk,
            "question": "Can I Read the Report?",
            "answer": "Yes.",
            "order": 1,
            "show_to_families": "on",
            "_publish": "Publish",
        },
    )

    assert response.status_code == 403
    assert not Question.objects.filter(question="Can I Read the Report?").exists()
    assert families_see(client) == before


def test_publisher_can_save_and_publish_from_the_form(client, as_publisher, leaflet, question):
    data = admin_form(as_publisher.get(change_url(question)))

    response = as_publisher.post(change_url(question), {**data, "answer": DRAFT, "_publish": "Publish"})

    assert response.status_code == 302
    assert DRAFT in families_see(client)[1]


def test_editor_cannot_publish_by_posting_to_the_publish_address(client, as_editor, leaflet, question):
    save_draft(as_editor, question, answer=DRAFT)
    before = families_see(client)

    for obj in (leaflet, question):
        assert as_editor.post(publish_url(obj)).status_code == 403

    assert families_see(client) == before
    assert DRAFT not in before[1]


def test_publisher_can_publish_by_posting_to_the_publish_address(client, as_editor, as_publisher, question):
    save_draft(as_editor, question, answer=DRAFT)

    assert as_publisher.post(publish_url(question)).status_code == 302

    assert DRAFT in families_see(client)[1]


def run_action(browser, model, action, *objects):
    """Tick items in the admin list, choose an action and press Go."""
    return browser.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0},
    )


def test_editor_cannot_publish_with_the_list_action(client, as_editor, leaflet, question):
    save_draft(as_editor, question, answer=DRAFT)
    before = families_see(client)

    for model, obj in ((Question, question), (Leaflet, leaflet)):
        response = run_action(as_editor, model, "publish_selected", obj)
        # Django refuses an action the user may not run by ignoring it, not always with a 403.
        assert response.status_code in {200, 302, 403}
        assert not any(str(m).startswith("Published") for m in get_messages(response.wsgi_request))

    assert families_see(client) == before


def test_publisher_can_publish_with_the_list_action(client, as_editor, as_publisher, question):
    save_draft(as_editor, question, answer=DRAFT)

    assert run_action(as_publisher, Question, "publish_selected", question).status_code == 302

    assert DRAFT in families_see(client)[1]


def test_editor_cannot_delete(client, as_editor, leaflet, question):
    before = families_see(client)
    board = Board.objects.first()

    for obj in (question, board, leaflet):
        url = admin_url(obj, "delete")
        assert as_editor.get(url).status_code == 403
        assert as_editor.post(url, {"post": "yes"}).status_code == 403

    assert Question.objects.filter(pk=question.pk).exists()
    assert Board.objects.filter(pk=board.pk).exists()
    assert Leaflet.objects.filter(pk=leaflet.pk).exists()
    assert families_see(client) == before


def test_editor_cannot_delete_with_the_list_action(as_editor, question):
    response = run_action(as_editor, Question, "delete_selected", question)
    assert response.status_code in {200, 302, 403}
    assert page(response).find(string="Are you sure?") is None
    response = as_editor.post(
        admin_url(Question, "changelist"),
        {"action": "delete_selected", "_selected_action": [question.pk], "post": "yes"},
    )
    assert response.status_code in {200, 302, 403}
    assert Question.objects.filter(pk=question.pk).exists()


def test_publisher_can_delete_and_families_see_it_gone_once_published(
    client, as_publisher, leaflet, question
):
    response = as_publisher.post(admin_url(question, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()

    as_publisher.post(publish_url(leaflet))

    assert question.question not in questions_on(client.get("/"))


@pytest.fixture
def two_versions(publisher, as_publisher, question):
    """A question saved twice in the admin, so it has an earlier version to restore: the first save."""
    save_draft(as_publisher, question, answer="It usually takes six to nine months.")
    save_draft(as_publisher, question, answer=DRAFT)
    # Older still is the version load_content saved, which has no user.
    return Version.objects.get_for_object(question).filter(revision__user=publisher).last()


def test_editor_cannot_restore_an_earlier_version(client, as_editor, as_publisher, question, two_versions):
    url = admin_url(question, "restore", two_versions.pk)
    before = families_see(client)

    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url).status_code == 403

    assert Question.objects.get(pk=question.pk).answer == DRAFT
    assert families_see(client) == before


def test_publisher_can_restore_an_earlier_version(as_publisher, question, two_versions):
    url = admin_url(question, "restore", two_versions.pk)

    assert as_publisher.get(url).status_code == 200
    assert as_publisher.post(url).status_code == 302

    assert Question.objects.get(pk=question.pk).answer == "It usually takes six to nine months."


def deleted_version(question):
    return Version.objects.get_deleted(Question).get(object_id=str(question.pk))


def test_editor_cannot_recover_a_deleted_item(client, as_editor, as_publisher, question, two_versions):
    as_publisher.post(admin_url(question, "delete"), {"post": "yes"})
    url = admin_url(Question, "recover", deleted_version(question).pk)
    before = families_see(client)

    assert as_editor.get(admin_url(Question, "recoverlist")).status_code == 403
    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url).status_code == 403

    assert not Question.objects.filter(pk=question.pk).exists()
    assert families_see(client) == before


def test_publisher_can_recover_a_deleted_item(as_publisher, question, two_versions):
    as_publisher.post(admin_url(question, "delete"), {"post": "yes"})
    url = admin_url(Question, "recover", deleted_version(question).pk)

    assert as_publisher.get(admin_url(Question, "recoverlist")).status_code == 200
    assert as_publisher.post(url).status_code == 302

    assert Question.objects.filter(pk=question.pk).exists()


def test_editor_cannot_put_up_a_site_notice(client, as_editor, leaflet_content):
    response = as_editor.post(
        admin_url(SiteNotice, "add"), {"message": "We are closed.", "show_to_families": "on"}
    )

    assert response.status_code == 403
    assert not SiteNotice.objects.exists()
    assert page(client.get("/")).select_one(".site-notice") is None


def test_editor_cannot_change_where_exit_this_page_goes(client, as_editor, leaflet_content):
    settings = SiteSettings.load()
    response = as_editor.post(change_url(settings), {"exit_url": "https://example.com/"})

    assert response.status_code == 403
    assert page(client.get("/")).select_one("[data-exit-link]")["href"] == SiteSettings.DEFAULT_EXIT_URL


# --- staff accounts with fewer rights than an Editor ----------------------------------


@pytest.fixture
def no_rights(db):
    """A staff account that has been given no role at all."""
    from django.contrib.auth.models import User

    return signed_in(
        User.objects.create_user("nora", "nora@example.gov.uk", "a-long-password-1", is_staff=True)
    )


def test_staff_without_rights_cannot_open_any_preview(no_rights, leaflet):
    items = [leaflet, leaflet.questions.first(), Board.objects.first(), GuidanceLink.objects.first()]
    for obj in [*items, Page.objects.get(slug="privacy")]:
        response = no_rights.get(preview_url(obj))
        assert response.status_code == 403, obj
        assert b"preview-banner" not in response.content


def test_a_view_only_account_cannot_mark_anything_as_reviewed(client, leaflet_content):
    from django.contrib.auth.models import Permission, User

    viewer = User.objects.create_user("vic", "vic@example.gov.uk", "a-long-password-1", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    privacy = Page.objects.get(slug="privacy")
    before = (privacy.last_reviewed_on, privacy.next_review_due)
    browser = signed_in(viewer)

    browser.post(
        admin_url(Page, "changelist"),
        {"action": "mark_reviewed", "_selected_action": [privacy.pk], "index": 0},
    )
    browser.post(admin_url(privacy), {"_reviewed": "Mark as reviewed today"})

    privacy.refresh_from_db()
    assert (privacy.last_reviewed_on, privacy.next_review_due) == before


@pytest.mark.parametrize("who", ["editor", "nobody"])
def test_only_publishers_can_create_the_site_settings(client, leaflet_content, as_editor, no_rights, who):
    SiteSettings.objects.all().delete()
    browser = {"editor": as_editor, "nobody": no_rights}[who]

    assert browser.get(admin_url(SiteSettings, "add")).status_code == 403
    browser.post(admin_url(SiteSettings, "add"), {"exit_url": "https://attacker.example/"})

    assert not SiteSettings.objects.exists()


def test_a_publisher_can_create_the_missing_site_settings(as_publisher, leaflet_content):
    SiteSettings.objects.all().delete()

    response = as_publisher.post(admin_url(SiteSettings, "add"), {"exit_url": "https://www.bbc.co.uk/news"})

    assert response.status_code == 302
    assert SiteSettings.load().exit_url == "https://www.bbc.co.uk/news"
