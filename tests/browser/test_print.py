"""Printing the leaflet page must give something that reads like the paper leaflet."""

import io
import re

import pytest
from pypdf import PdfReader

from ..leaflet_text import BOARDS, QUESTIONS

pytestmark = pytest.mark.browser

GUIDANCE_URL = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"


def squash(text):
    # PDF text breaks lines wherever the printed line broke; compare without white space.
    return re.sub(r"\s+", "", text)


SITE_URL = "https://scr.example.gov.uk"


@pytest.fixture
def public_address(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def printed_pages(public_address, open_page):
    page = open_page("/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_leaflet_prints_on_at_most_four_a4_pages(printed_pages):
    assert len(printed_pages) <= 4


def test_every_question_is_printed(printed_pages):
    text = "".join(printed_pages)
    for question in QUESTIONS:
        assert squash(question) in text


def test_contacts_are_on_the_back_page(printed_pages):
    back_page = printed_pages[-1]
    for board in BOARDS:
        assert squash(board["name"]) in back_page
        assert squash(board["telephone"]) in back_page
        assert squash(board["email"]) in back_page
    # The contacts start a page of their own: no answer shares it.
    contacts_page = next(i for i, text in enumerate(printed_pages) if squash("Who to contact") in text)
    assert not any(squash(q) in printed_pages[contacts_page] for q in QUESTIONS)


def test_guidance_web_address_is_written_out(printed_pages):
    assert GUIDANCE_URL in "".join(printed_pages)


def test_printout_has_no_site_furniture_and_ends_with_its_address_and_date(printed_pages):
    text = "".join(printed_pages)
    assert squash("Exit this page") not in text
    assert squash("Skip to main content") not in text
    assert squash("Print this page") not in text
    assert squash("Accessibility statement") not in text
    assert squash(f"This page: {SITE_URL}/") in printed_pages[-1]
    assert "Lastupdated:" in printed_pages[-1]


def test_print_button_appears_with_javascript_and_opens_printing(open_page):
    page = open_page("/")
    button = page.get_by_role("button", name="Print this page")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.__printed = true; }")
    button.click()
    assert page.evaluate("window.__printed === true")


def test_print_button_is_absent_without_javascript(open_page):
    page = open_page("/", java_script_enabled=False)
    assert page.get_by_role("button", name="Print this page").count() == 0
