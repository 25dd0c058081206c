"""axe-core on every admin page a member of staff uses, at a laptop's width and a phone's (320px)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts import approval
from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.models import (
    Board,
    GuidanceLink,
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    Question,
    QuestionTranslation,
    SiteNotice,
    SiteSettings,
)

from ..translations import translate
from .conftest import WIDTH_IDS, WIDTHS
from .staff_browser import make_staff, signed_in_context
from .test_accessibility import AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def staff_pages(site_url):
    """A site mid-edit: a question changed and sent for approval, one added, one deleted, a notice up."""
    import reversion

    editor = make_staff("erin.editor", "Erin", "Editor")
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    leaflet = Leaflet.objects.get()
    question = leaflet.questions.get(question="How Long Will the Review Take?")
    with reversion.create_revision():
        reversion.set_user(editor)
        question.answer = "Most reviews now take about a year."
        question.save()
        added = Question.objects.create(leaflet=leaflet, question="Can I Read the Report?", answer="Yes.")
        deleted = leaflet.questions.get(question="Who Will See the Report?")
        deleted.delete()
    approval.send_for_approval(question, editor, "The review office asked for the new timescale.")
    waiting = question_waiting(question)
    notice = SiteNotice.objects.create(message="The office is closed on Friday.", show_to_families=True)
    polish = translate("pl")
    polish_question = QuestionTranslation.objects.get(language=polish)
    versions = Version.objects.get_for_object(leaflet)
    loaded, latest = versions.last(), versions.first()
    deleted_version = Version.objects.get_deleted(Question).first()
    board, link = Board.objects.first(), GuidanceLink.objects.first()
    privacy = Page.objects.get(slug="privacy")
    publisher_pages = {
        "home": reverse("admin:index"),
        "leaflet form": admin_url(leaflet),
        "question form": admin_url(question),
        "new question form": f"{admin_url(Question, 'add')}?leaflet={leaflet.pk}",
        "board form": admin_url(board),
        "guidance link form": admin_url(link),
        "page form": admin_url(privacy),
        "site notice form": admin_url(notice),
        "new site notice form": admin_url(SiteNotice, "add"),
        "site settings form": admin_url(SiteSettings.load()),
        **{f"{model._meta.verbose_name} list": admin_url(model, "changelist") for model in LISTED},
        "leaflet history": admin_url(leaflet, "history"),
        "question history": admin_url(question, "history"),
        "compare": f"{admin_url(leaflet, 'compare')}?from={loaded.pk}&to={latest.pk}",
        "compare with live": admin_url(leaflet, "changes"),
        "leaflet preview": preview_url(leaflet),
        "question preview": preview_url(question),
        "restore confirmation": admin_url(leaflet, "restore", loaded.pk),
        "recover list": admin_url(Question, "recoverlist"),
        "recover confirmation": admin_url(Question, "recover", deleted_version.pk),
        "send back": reverse("admin:approval_send_back", args=[waiting.pk]),
        "approval review": reverse("admin:approval_approve", args=[waiting.pk]),
        "language list": admin_url(Language, "changelist"),
        "language form": admin_url(polish),
        "leaflet translation form": admin_url(LeafletTranslation.objects.get(language=polish)),
        "question translation form": admin_url(polish_question),
        "interface text form": admin_url(InterfaceText.objects.get(language=polish)),
        "question translation list": admin_url(QuestionTranslation, "changelist"),
        "translation preview": preview_url(polish_question),
        "out-of-date translations": admin_url(polish, "outofdate"),
        "not found in the admin": reverse("admin:index") + "no-such-page/",
    }
    editor_pages = {
        "home": reverse("admin:index"),
        "send for approval": admin_url(added, "approval"),
        "refused": admin_url(board, "delete"),
    }
    return {editor: editor_pages, publisher: publisher_pages}


LISTED = [Leaflet, Question, Board, GuidanceLink, Page, SiteNotice]


def question_waiting(question):
    from scr_site.leaflet.models import ApprovalRequest

    return ApprovalRequest.objects.for_object(question).waiting().get()


EXPECTED_STATUS = {"refused": 403, "not found in the admin": 404}


def violations_on(page, url, name=""):
    response = page.goto(url)
    expected = EXPECTED_STATUS.get(name, 200)
    assert response.status == expected, f"{name} at {url}: {response.status}, expected {expected}"
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_axe_finds_no_violations_on_any_staff_page(new_context, site_url, staff_pages, width, capsys):
    found = {}
    for user, pages in staff_pages.items():
        page = signed_in_context(new_context, site_url, user, width).new_page()
        for name, path in pages.items():
            found[f"{user.last_name}: {name}"] = violations_on(page, site_url + path, name)
    login = new_context(width).new_page()
    found["sign-in page"] = violations_on(login, site_url + reverse("admin:login"))

    with capsys.disabled():
        print(f"\naxe on the admin at {width}px:")
        for name, violations in found.items():
            print(f"  {name}: {len(violations)} violation(s)")
    problems = {name: violations for name, violations in found.items() if violations}
    assert not problems, "\n".join(f"{name}:\n{describe_violations(v)}" for name, v in problems.items())


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_axe_finds_no_violations_on_a_form_that_failed_to_save(new_context, site_url, staff_pages, width):
    publisher = next(user for user in staff_pages if user.last_name == "Publisher")
    page = signed_in_context(new_context, site_url, publisher, width).new_page()
    page.goto(site_url + admin_url(Board.objects.first()))
    page.locator("input[name=telephone]").fill("01480 37352")
    page.get_by_role("button", name="Save draft").click()
    page.locator(".error-summary").wait_for()

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe_violations(violations)
