"""A preview is the page families get once the draft is published: the same code, the same content.

Each kind of item is changed as staff would change it, previewed, then published; the
preview's page (without its banner and labels) must be the page families then see.
"""

import re

import pytest

from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import (
    Board,
    GuidanceLink,
    Leaflet,
    Page,
    PageTranslation,
    Question,
    QuestionTranslation,
)

from .helpers import page
from .translations import translate

pytestmark = pytest.mark.django_db

# Parts of a page that differ between a preview and the live page by design: the preview's
# banner and labels, the page's own address in the printout, and the time it was last changed.
PREVIEW_ONLY = ".preview-banner, .preview-label, .print-footer, .last-updated"


def families_part(response):
    """The page as families read it: <main> and the footer, without what only a preview has."""
    assert response.status_code == 200
    html = page(response)
    for element in html.select(PREVIEW_ONLY):
        element.decompose()
    markup = str(html.select_one("main")) + str(html.select_one("footer"))
    return re.sub(r"\s+", " ", markup).replace("> <", "><")


def change_leaflet():
    leaflet = Leaflet.objects.get(is_home_page=True)
    leaflet.introduction = "Read this first: it explains what happens next."
    leaflet.save()
    question = leaflet.questions.get(question="How Long Will the Review Take?")
    question.answer = "Usually about six months."
    question.save()
    hidden = leaflet.questions.get(question="Who Will See the Report?")
    hidden.show_to_families = False
    hidden.save()
    Question.objects.create(leaflet=leaflet, question="Can I Read the Report?", answer="Yes.", order=1)
    board = Board.objects.get(name__startswith="Peterborough")
    board.telephone = "01733 000111"
    board.save()
    return leaflet, "/"


def change_question():
    question = Question.objects.get(question="How Long Will the Review Take?")
    question.question = "How long does a review take?"
    question.answer = "Usually about six months, sometimes longer."
    question.save()
    return question, "/"


def change_board():
    board = Board.objects.get(name__startswith="Cambridgeshire")
    board.name = "Cambridgeshire Safeguarding Children Partnership"
    board.email = "partnership@example.gov.uk"
    board.save()
    return board, "/"


def change_guidance_link():
    link = GuidanceLink.objects.order_by("order").first()
    link.title = "Working Together to Safeguard Children 2026"
    link.description = "The government's guidance, updated."
    link.save()
    return link, "/"


def change_page():
    privacy = Page.objects.get(slug="privacy")
    privacy.title = "Privacy, cookies and your data"
    privacy.body = "## What we keep\n\nNothing that names you."
    privacy.save()
    return privacy, "/privacy/"


def change_question_translation():
    translate()
    translation = QuestionTranslation.objects.get(language__code="pl")
    translation.answer = "Zwykle około sześciu miesięcy."
    translation.save()
    return translation, "/pl/"


def change_page_translation():
    translate()
    translation = PageTranslation.objects.get(language__code="pl")
    translation.body = "## Co przechowujemy\n\nNic, co by Cię identyfikowało."
    translation.save()
    return translation, "/pl/privacy/"


@pytest.mark.parametrize(
    "change",
    [
        change_leaflet,
        change_question,
        change_board,
        change_guidance_link,
        change_page,
        change_question_translation,
        change_page_translation,
    ],
)
def test_the_preview_is_the_page_families_see_once_it_is_published(
    client, as_publisher, leaflet_content, change
):
    item, address = change()
    before = families_part(client.get(address))

    preview = families_part(as_publisher.get(preview_url(item)))
    publish_item(item, user=None)
    live = families_part(client.get(address))

    assert live != before, "the change must show once published"
    assert preview == live
