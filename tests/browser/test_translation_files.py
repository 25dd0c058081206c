"""A language's agency files in Chromium: axe on every page, and the whole round trip by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Language, LeafletTranslation, Question, QuestionTranslation

from ..xliff_files import edited, exported, filled_in, polish
from .conftest import WIDTH_IDS, WIDTHS
from .staff_browser import make_staff, signed_in_context, tab_to
from .test_accessibility import AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def polish_language(site_url):
    return Language.objects.create(code="pl")


def violations(page):
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_axe_finds_no_violations_on_the_language_and_upload_pages(
    new_context, site_url, polish_language, width, tmp_path
):
    found = {}
    for role in ("Editor", "Publisher"):
        user = make_staff(f"{role.lower()}.one", "Sam", role)
        page = signed_in_context(new_context, site_url, user, width).new_page()
        page.goto(site_url + admin_url(polish_language))
        expect(page.get_by_role("heading", name="Files for a translation agency")).to_be_visible()
        found[f"{role}: language page"] = violations(page)
        page.goto(site_url + admin_url(polish_language, "importtranslation"))
        found[f"{role}: upload page"] = violations(page)
    refused = tmp_path / "refused.xlf"
    refused.write_bytes(b"<not-a-translation/>")
    page.set_input_files("input[type=file]", str(refused))
    page.get_by_role("button", name="Bring in as drafts").click()
    expect(page.locator(".error-summary")).to_contain_text("not an XLIFF 1.2 file")
    found["Publisher: a refused file"] = violations(page)

    problems = {name: found_ for name, found_ in found.items() if found_}
    assert not problems, "\n".join(f"{name}:\n{describe_violations(v)}" for name, v in problems.items())


def test_an_editor_downloads_the_file_and_brings_it_back_by_keyboard(
    new_context, site_url, polish_language, tmp_path
):
    editor = make_staff("erin.editor", "Erin", "Editor")
    page = signed_in_context(new_context, site_url, editor).new_page()
    page.goto(site_url + admin_url(polish_language))

    tab_to(page, "Download the file to send to the agency")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    sent = tmp_path / download.value.suggested_filename
    download.value.save_as(sent)
    assert sent.name.startswith("scr-site-pl-") and sent.suffix == ".xlf"

    returned = tmp_path / "returned.xlf"
    returned.write_bytes(filled_in(sent.read_bytes(), polish))
    tab_to(page, "Bring back the agency's file")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Choosing a file opens the system's file dialog, which a test cannot drive: the file is set
    # directly, then the form is sent from the keyboard.
    page.set_input_files("input[type=file]", str(returned))
    tab_to(page, "Bring in as drafts")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator(".messagelist")).to_contain_text("as drafts of Polski translations")
    assert LeafletTranslation.objects.get(language=polish_language).title.startswith("PL ")


def test_with_javascript_off_a_tampered_file_is_refused_with_the_segment_named(
    new_context, site_url, polish_language, tmp_path
):
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    signed_in = signed_in_context(new_context, site_url, publisher)
    without_javascript = new_context(1280, java_script_enabled=False)
    without_javascript.add_cookies(signed_in.cookies())
    page = without_javascript.new_page()
    question = Question.objects.first()
    tampered = tmp_path / "tampered.xlf"
    tampered.write_bytes(
        edited(
            filled_in(exported(polish_language), polish),
            lambda text: text.replace(f'"question/{question.pk}/answer"', '"question/777/answer"'),
        )
    )

    page.goto(site_url + admin_url(polish_language, "importtranslation"))
    page.set_input_files("input[type=file]", str(tampered))
    page.get_by_role("button", name="Bring in as drafts").click()

    expect(page.locator(".error-summary")).to_contain_text(
        "question/777/answer: there is no question 777 on this site"
    )
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert not QuestionTranslation.objects.exists()
