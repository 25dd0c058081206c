"""Editors write drafts; only Publishers change what families see, delete, or restore."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from reversion.models import Version

from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Section, SiteNotice, SiteSettings

from .helpers import page, text_of
from .staff import (
    admin_form,
    change_url,
    inline_prefix,
    publish_url,
    questions_on,
    save_draft,
)

pytestmark = pytest.mark.django_db

DRAFT = "It usually takes about a year, and we will keep you told."

CONTENT_MODELS = ["leaflet", "section", "board", "guidancelink", "page"]


def families_see(client, path="/"):
    response = client.get(path)
    return response.status_code, text_of(page(response).select_one("main"))


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


# --- the roles -------------------------------------------------------------------


def test_the_editor_role_can_view_add_and_change_content_and_nothing_more(db):
    expected = {f"{action}_{model}" for model in CONTENT_MODELS for action in ("view", "add", "change")}
    # Editors also read what families say about the pages (scr_site/feedback).
    feedback = {"view_usefulnessanswer", "view_problemreport"}
    assert codenames("Editor") == expected | {"view_sitenotice", "view_sitesettings"} | feedback


def test_the_publisher_role_can_also_publish_delete_restore_and_run_the_site(db):
    publisher = codenames("Publisher")
    assert codenames("Editor") < publisher
    assert {f"delete_{model}" for model in CONTENT_MODELS} <= publisher
    assert {"publish_content", "restore_content"} <= publisher
    assert {"add_sitenotice", "change_sitenotice", "delete_sitenotice", "change_sitesettings"} <= publisher


def test_neither_role_can_manage_staff_accounts(db):
    for role in ("Editor", "Publisher"):
        assert not codenames(role) & {"add_user", "change_user", "delete_user", "change_group"}


# --- what an Editor can do ------------------------------------------------------


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_an_editor_can_open_every_kind_of_content(as_editor, leaflet_content, model):
    assert as_editor.get(f"/admin/leaflet/{model}/").status_code == 200
    assert as_editor.get(f"/admin/leaflet/{model}/add/").status_code == 200
    model_class = {
        "leaflet": Leaflet,
        "section": Section,
        "board": Board,
        "guidancelink": GuidanceLink,
        "page": Page,
    }
    assert as_editor.get(change_url(model_class[model].objects.first())).status_code == 200


def test_an_editor_can_open_previews(as_editor, leaflet):
    assert as_editor.get(f"/preview/leaflets/{leaflet.pk}/").status_code == 200
    assert as_editor.get(f"/preview/pages/{Page.objects.get(slug='privacy').pk}/").status_code == 200


def test_an_editor_can_change_a_draft(client, as_editor, section):
    save_draft(as_editor, section, answer=DRAFT)

    assert Section.objects.get(pk=section.pk).answer == DRAFT
    assert DRAFT not in families_see(client)[1]


def test_an_editor_can_add_a_draft(as_editor, leaflet):
    response = as_editor.post(
        "/admin/leaflet/section/add/",
        {
            "leaflet": leaflet.pk,
            "question": "Can I Read the Report?",
            "answer": "Yes.",
            "order": 99,
            "published": "on",
        },
    )
    assert response.status_code == 302
    assert Section.objects.filter(question="Can I Read the Report?").exists()


def test_an_editor_is_not_offered_publishing_deleting_or_restoring(as_editor, section):
    form_page = page(as_editor.get(change_url(section)))
    assert form_page.select_one("input[name=_publish]") is None
    assert form_page.select_one("a.deletelink") is None

    actions = [
        o["value"]
        for o in page(as_editor.get("/admin/leaflet/section/")).select("select[name=action] option")
    ]
    assert "publish_selected" not in actions
    assert "delete_selected" not in actions

    save_draft(as_editor, section, answer=DRAFT)
    save_draft(as_editor, section, answer=DRAFT + " Really.")
    history = page(as_editor.get(f"/admin/leaflet/section/{section.pk}/history/"))
    assert history.find("a", string="Restore this version") is None


def test_a_publisher_is_offered_publishing_deleting_and_restoring(as_publisher, section):
    form_page = page(as_publisher.get(change_url(section)))
    assert form_page.select_one("input[name=_publish]") is not None
    assert form_page.select_one("a.deletelink") is not None

    actions = [
        o["value"]
        for o in page(as_publisher.get("/admin/leaflet/section/")).select("select[name=action] option")
    ]
    assert {"publish_selected", "delete_selected"} <= set(actions)

    save_draft(as_publisher, section, answer=DRAFT)
    save_draft(as_publisher, section, answer=DRAFT + " Really.")
    history = page(as_publisher.get(f"/admin/leaflet/section/{section.pk}/history/"))
    assert history.find("a", string="Restore this version") is not None


# --- what an Editor is refused, and what a Publisher may do ---------------------------


def test_editor_cannot_publish_by_posting_the_form_directly(client, as_editor, leaflet, section):
    before = families_see(client)
    versions = Version.objects.get_for_object(section).count()
    data = admin_form(as_editor.get(change_url(leaflet)))
    data[inline_prefix(data, section) + "answer"] = DRAFT

    response = as_editor.post(change_url(leaflet), {**data, "_publish": "Save and publish"})

    assert response.status_code == 403
    assert families_see(client) == before
    assert Section.objects.get(pk=section.pk).answer == section.answer
    assert Version.objects.get_for_object(section).count() == versions


def test_editor_cannot_publish_a_new_item_by_posting_the_add_form_directly(client, as_editor, leaflet):
    before = families_see(client)
    response = as_editor.post(
        "/admin/leaflet/section/add/",
        {
            "leaflet": leaflet.pk,
            "question": "Can I Read the Report?",
            "answer": "Yes.",
            "order": 1,
            "published": "on",
            "_publish": "Save and publish",
        },
    )

    assert response.status_code == 403
    assert not Section.objects.filter(question="Can I Read the Report?").exists()
    assert families_see(client) == before


def test_publisher_can_save_and_publish_from_the_form(client, as_publisher, leaflet, section):
    data = admin_form(as_publisher.get(change_url(leaflet)))
    data[inline_prefix(data, section) + "answer"] = DRAFT

    response = as_publisher.post(change_url(leaflet), {**data, "_publish": "Save and publish"})

    assert response.status_code == 302
    assert DRAFT in families_see(client)[1]


def test_editor_cannot_publish_by_posting_to_the_publish_address(client, as_editor, leaflet, section):
    save_draft(as_editor, section, answer=DRAFT)
    before = families_see(client)

    for obj in (leaflet, section):
        assert as_editor.post(publish_url(obj)).status_code == 403

    assert families_see(client) == before
    assert DRAFT not in before[1]


def test_publisher_can_publish_by_posting_to_the_publish_address(client, as_editor, as_publisher, section):
    save_draft(as_editor, section, answer=DRAFT)

    assert as_publisher.post(publish_url(section)).status_code == 302

    assert DRAFT in families_see(client)[1]


def run_action(browser, model, action, *objects):
    """Tick items in the admin list, choose an action and press Go."""
    return browser.post(
        f"/admin/leaflet/{model}/",
        {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0},
    )


def test_editor_cannot_publish_with_the_list_action(client, as_editor, leaflet, section):
    save_draft(as_editor, section, answer=DRAFT)
    before = families_see(client)

    for model, obj in (("section", section), ("leaflet", leaflet)):
        response = run_action(as_editor, model, "publish_selected", obj)
        # Django refuses an action the user may not run by ignoring it, not always with a 403.
        assert response.status_code in {200, 302, 403}
        assert not any(str(m).startswith("Published") for m in get_messages(response.wsgi_request))

    assert families_see(client) == before


def test_publisher_can_publish_with_the_list_action(client, as_editor, as_publisher, section):
    save_draft(as_editor, section, answer=DRAFT)

    assert run_action(as_publisher, "section", "publish_selected", section).status_code == 302

    assert DRAFT in families_see(client)[1]


def test_editor_cannot_delete(client, as_editor, leaflet, section):
    before = families_see(client)
    board = Board.objects.first()

    for obj in (section, board, leaflet):
        url = f"/admin/leaflet/{obj._meta.model_name}/{obj.pk}/delete/"
        assert as_editor.get(url).status_code == 403
        assert as_editor.post(url, {"post": "yes"}).status_code == 403

    assert Section.objects.filter(pk=section.pk).exists()
    assert Board.objects.filter(pk=board.pk).exists()
    assert Leaflet.objects.filter(pk=leaflet.pk).exists()
    assert families_see(client) == before


def test_editor_cannot_delete_with_the_list_action(as_editor, section):
    response = run_action(as_editor, "section", "delete_selected", section)
    assert response.status_code in {200, 302, 403}
    assert page(response).find(string="Are you sure?") is None
    response = as_editor.post(
        "/admin/leaflet/section/",
        {"action": "delete_selected", "_selected_action": [section.pk], "post": "yes"},
    )
    assert response.status_code in {200, 302, 403}
    assert Section.objects.filter(pk=section.pk).exists()


def test_editor_cannot_delete_a_question_by_ticking_delete_on_the_leaflet(as_editor, leaflet, section):
    data = admin_form(as_editor.get(change_url(leaflet)))
    assert inline_prefix(data, section) + "DELETE" not in data
    data[inline_prefix(data, section) + "DELETE"] = "on"

    as_editor.post(change_url(leaflet), data)

    assert Section.objects.filter(pk=section.pk).exists()


def test_publisher_can_delete_and_families_see_it_gone_once_published(client, as_publisher, leaflet, section):
    response = as_publisher.post(f"/admin/leaflet/section/{section.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Section.objects.filter(pk=section.pk).exists()

    as_publisher.post(publish_url(leaflet))

    assert section.question not in questions_on(client.get("/"))


@pytest.fixture
def two_versions(publisher, as_publisher, section):
    """A question saved twice in the admin, so it has an earlier version to restore: the first save."""
    save_draft(as_publisher, section, answer="It usually takes six to nine months.")
    save_draft(as_publisher, section, answer=DRAFT)
    # Older still is the version load_content saved, which has no user.
    return Version.objects.get_for_object(section).filter(revision__user=publisher).last()


def test_editor_cannot_restore_an_earlier_version(client, as_editor, as_publisher, section, two_versions):
    url = f"/admin/leaflet/section/{section.pk}/history/{two_versions.pk}/"
    data = admin_form(as_publisher.get(url))
    before = families_see(client)

    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url, data).status_code == 403

    assert Section.objects.get(pk=section.pk).answer == DRAFT
    assert families_see(client) == before


def test_publisher_can_restore_an_earlier_version(as_publisher, section, two_versions):
    url = f"/admin/leaflet/section/{section.pk}/history/{two_versions.pk}/"

    assert as_publisher.post(url, admin_form(as_publisher.get(url))).status_code == 302

    assert Section.objects.get(pk=section.pk).answer == "It usually takes six to nine months."


def test_editor_cannot_recover_a_deleted_item(client, as_editor, as_publisher, section, two_versions):
    as_publisher.post(f"/admin/leaflet/section/{section.pk}/delete/", {"post": "yes"})
    url = f"/admin/leaflet/section/recover/{two_versions.pk}/"
    data = admin_form(as_publisher.get(url))
    before = families_see(client)

    assert as_editor.get("/admin/leaflet/section/recover/").status_code == 403
    assert as_editor.get(url).status_code == 403
    assert as_editor.post(url, data).status_code == 403

    assert not Section.objects.filter(pk=section.pk).exists()
    assert families_see(client) == before


def test_publisher_can_recover_a_deleted_item(as_publisher, section, two_versions):
    as_publisher.post(f"/admin/leaflet/section/{section.pk}/delete/", {"post": "yes"})
    url = f"/admin/leaflet/section/recover/{two_versions.pk}/"

    assert as_publisher.get("/admin/leaflet/section/recover/").status_code == 200
    assert as_publisher.post(url, admin_form(as_publisher.get(url))).status_code == 302

    assert Section.objects.filter(pk=section.pk).exists()


def test_editor_cannot_put_up_a_site_notice(client, as_editor, leaflet_content):
    response = as_editor.post(
        "/admin/leaflet/sitenotice/add/", {"message": "We are closed.", "published": "on"}
    )

    assert response.status_code == 403
    assert not SiteNotice.objects.exists()
    assert page(client.get("/")).select_one(".site-notice") is None


def test_editor_cannot_change_where_exit_this_page_goes(client, as_editor, leaflet_content):
    settings = SiteSettings.load()
    response = as_editor.post(change_url(settings), {"exit_url": "https://example.com/"})

    assert response.status_code == 403
    assert page(client.get("/")).select_one("[data-exit-link]")["href"] == SiteSettings.DEFAULT_EXIT_URL
