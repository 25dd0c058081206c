"""The admin home page shows each person what needs doing, in plain words, and nothing they cannot use."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.models import GuidanceLink, Leaflet, Question

from .helpers import page, text_of
from .staff import admin_form, save_draft, signed_in

pytestmark = pytest.mark.django_db


def home(browser):
    return page(browser.get(reverse("admin:index")))


def section_names(html):
    return [text_of(caption) for caption in html.select("#content-main .module caption")]


def model_names(html):
    return [text_of(th) for th in html.select("#content-main .module tr[class^=model-] th")]


def test_sections_are_named_in_plain_words(as_editor, leaflet_content):
    html = home(as_editor)

    assert section_names(html) == ["Leaflet content", "Whole site", "Feedback from families", "Translations"]
    assert model_names(html)[:7] == [
        "Leaflets",
        "Questions",
        "Boards",
        "Guidance links",
        "Pages",
        "Site notices",
        "Site settings",
    ]
    assert "Sections" not in text_of(html)


def test_staff_never_see_the_sign_in_security_tables(as_publisher, leaflet_content):
    text = text_of(home(as_publisher))
    for raw in ("AXES", "Axes", "OTP_TOTP", "OTP_STATIC", "Access attempts", "Sign-in security"):
        assert raw not in text


def test_a_superuser_finds_sign_in_security_and_staff_accounts_by_name(client, leaflet_content):
    client.force_login(User.objects.create_superuser("root", "root@example.gov.uk", "a-long-password-1"))
    html = home(client)

    assert section_names(html)[:6] == [
        "Leaflet content",
        "Whole site",
        "Feedback from families",
        "Translations",
        "Staff accounts",
        "Sign-in security",
    ]
    names = model_names(html)
    assert {"Authenticator apps", "One-time sign-in codes", "Roles (Editor, Publisher)"} <= set(names)


def test_your_drafts_lists_what_you_changed_that_families_do_not_see(
    as_editor, as_publisher, leaflet, question
):
    save_draft(as_editor, question, answer="A draft of Erin's.")
    other = leaflet.questions.get(question="Who Will See the Report?")
    save_draft(as_publisher, other, answer="A draft of Pat's.")

    panel = home(as_editor).select_one("[aria-labelledby=drafts-heading]")
    rows = panel.select("tbody tr")
    assert [text_of(row.th.a) for row in rows] == [question.question]
    preview = next(a for a in rows[0].select("a") if text_of(a).startswith("Preview"))
    assert preview["href"] == preview_url(question)


def test_your_drafts_is_empty_once_published(as_editor, as_publisher, leaflet, question):
    save_draft(as_editor, question, answer="A draft of Erin's.")
    as_publisher.post(admin_url(leaflet, "publish"))

    panel = home(as_editor).select_one("[aria-labelledby=drafts-heading]")
    assert "You have no drafts." in text_of(panel)


def test_broken_guidance_links_are_listed(as_editor, leaflet_content):
    link = GuidanceLink.objects.first()
    GuidanceLink.objects.filter(pk=link.pk).update(
        link_status=404, link_problem="The page was not found (404)", link_checked_at=timezone.now()
    )

    panel = home(as_editor).select_one("[aria-labelledby=links-heading]")
    assert f"{link.title}: The page was not found (404)" in text_of(panel)
    assert panel.a["href"] == admin_url(link)


def test_no_broken_links_panel_when_every_link_works(as_editor, leaflet_content):
    assert home(as_editor).select_one("[aria-labelledby=links-heading]") is None


# --- the admin's own error pages -------------------------------------------------------------


def test_a_refused_admin_page_stays_in_the_admin_and_says_why(as_editor, question):
    response = as_editor.get(admin_url(question, "delete"))

    assert response.status_code == 403
    html = page(response)
    assert text_of(html.h1) == "You cannot open this page"
    assert "Your role does not allow this." in text_of(html.select_one("#content-main"))
    assert html.select_one("#header") is not None
    assert "only for staff" not in text_of(html)


def test_an_unknown_admin_address_is_the_admins_own_not_found_page(as_editor, leaflet_content):
    response = as_editor.get(reverse("admin:index") + "no-such-page/")

    assert response.status_code == 404
    assert text_of(page(response).h1) == "Page not found"
    assert page(response).select_one("#header") is not None


def test_an_unknown_admin_address_sends_someone_signed_out_to_sign_in(client, leaflet_content):
    response = client.get(reverse("admin:index") + "no-such-page/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- words on the forms ------------------------------------------------------------------------


def test_the_form_says_edit_question_and_show_to_families(as_editor, question):
    html = page(as_editor.get(admin_url(question)))

    assert text_of(html.h1) == "Edit question"
    assert text_of(html.select_one("label[for=id_show_to_families]")) == "Show to families"
    buttons = [text_of(b) for b in html.select(".action-bar button")]
    assert buttons == ["Save draft", "Preview", "Send for approval"]


def test_the_leaflet_form_offers_no_meaningless_buttons(as_publisher, leaflet):
    html = page(as_publisher.get(admin_url(leaflet)))

    assert [text_of(b) for b in html.select(".action-bar button")] == ["Save draft", "Preview", "Publish"]
    names = {button.get("name") for button in html.select("input[type=submit], button")}
    assert not names & {"_addanother", "_saveasnew", "_save"}


def test_a_question_form_leads_back_to_its_leaflet(as_editor, leaflet, question):
    crumbs = page(as_editor.get(admin_url(question))).select_one(".breadcrumbs")
    assert crumbs.find("a", string=leaflet.title)["href"] == admin_url(leaflet)


@pytest.mark.parametrize("hostile", ["abc", "1 OR 1=1", "-1", "99999999999999999999"])
def test_a_hostile_leaflet_choice_on_the_new_question_form_is_ignored(as_editor, leaflet, hostile):
    response = as_editor.get(admin_url(Question, "add"), {"leaflet": hostile})
    assert response.status_code == 200


def test_save_and_mark_as_reviewed_records_the_review(client, as_publisher, leaflet):
    data = admin_form(as_publisher.get(admin_url(leaflet)))
    response = as_publisher.post(admin_url(leaflet), {**data, "_reviewed": "Save and mark as reviewed today"})

    assert response.status_code == 302
    assert Leaflet.objects.get().last_reviewed_on == timezone.localdate()


def test_a_preview_of_a_new_question_names_its_leaflet_not_a_number(as_publisher, leaflet):
    added = Question.objects.create(leaflet=leaflet, question="Can I Read the Report?", answer="Yes.")

    banner = page(as_publisher.get(preview_url(added))).select_one(".preview-banner")
    cells = [text_of(td) for td in banner.select("td")]
    assert leaflet.title in cells
    assert str(leaflet.pk) not in cells


def test_signed_in_without_rights_the_home_page_says_so(client, leaflet_content):
    nobody = User.objects.create_user("nora", "nora@example.gov.uk", "a-long-password-1", is_staff=True)
    html = home(signed_in(nobody))
    assert "You do not have permission to view or edit anything." in text_of(html)
