import pytest

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Leaflet, Question

from .helpers import page, text_of
from .leaflet_text import BOARDS, BOLD_TERMS, PARAGRAPHS, QUESTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(client, leaflet_content):
    response = client.get("/")
    assert response.status_code == 200
    return page(response)


def test_every_question_is_a_linkable_heading_in_the_leaflets_order(home):
    headings = [h for h in home.select("main h2[id]") if h.get_text(strip=True) in QUESTIONS]
    assert [h.get_text(strip=True) for h in headings] == QUESTIONS
    assert len({h["id"] for h in headings}) == len(QUESTIONS)


def test_contents_list_links_to_every_question(home):
    contents = home.select_one("nav.contents")
    targets = {a["href"].lstrip("#"): text_of(a) for a in contents.select("a")}
    for heading in home.select("main h2[id]"):
        if heading.get_text(strip=True) in QUESTIONS:
            assert targets[heading["id"]] == heading.get_text(strip=True)


def test_every_paragraph_of_the_leaflet_appears_word_for_word(home):
    paragraphs = {text_of(p) for p in home.select("main p")}
    missing = [text for text in PARAGRAPHS if text not in paragraphs]
    assert missing == []


def test_the_leaflets_bold_terms_stay_bold(home):
    bold = {text_of(strong) for strong in home.select("main strong")}
    assert set(BOLD_TERMS) <= bold


def test_please_see_back_page_links_to_the_contacts(home):
    link = home.find("a", string="please see back page")
    assert link["href"] == "#contacts"
    assert home.find(id="contacts") is not None


def test_both_boards_are_listed_with_their_address_in_the_leaflets_order(home):
    contacts = home.select_one("#contacts").find_parent("section")
    names = [text_of(h) for h in contacts.select("h3")]
    assert names == [board["name"] for board in BOARDS]
    addresses = [text_of(a) for a in contacts.select("address")]
    for board, address in zip(BOARDS, addresses, strict=True):
        for line in board["address"]:
            assert line in address


@pytest.mark.parametrize("board", BOARDS, ids=lambda b: b["email"])
def test_board_telephone_and_email_are_links(home, board):
    phone = home.find("a", href=board["tel_href"])
    assert phone is not None and text_of(phone) == board["telephone"]
    email = home.find("a", href=f"mailto:{board['email']}")
    assert email is not None and text_of(email) == board["email"]


def test_guidance_link_is_shown(home):
    link = home.find("a", string="Working Together to Safeguard Children, 2015 – Chapter 4")
    assert (
        link["href"] == "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
    )


def test_page_says_when_it_was_last_updated(home):
    last_updated = home.select_one(".last-updated time")
    assert text_of(home.select_one(".last-updated")).startswith("Last updated:")
    assert last_updated["datetime"]  # a machine-readable date beside the words


def test_unpublished_section_is_not_shown_to_families(client, leaflet_content):
    question = Question.objects.get(question="How Long Will the Review Take?")
    question.show_to_families = False
    question.save()
    publish_item(question.leaflet, user=None)
    html = page(client.get("/"))
    assert "How Long Will the Review Take?" not in html.get_text()


def test_unpublished_leaflet_is_not_shown_to_families(client, leaflet_content):
    leaflet = Leaflet.objects.get()
    leaflet.show_to_families = False
    leaflet.save()
    publish_item(leaflet, user=None)
    assert client.get("/").status_code == 404


def test_a_second_leaflet_has_its_own_address(client, leaflet_content):
    leaflet = Leaflet.objects.create(slug="young-people", title="Information for young people")
    Question.objects.create(leaflet=leaflet, question="What happens next?", answer="We will talk to you.")
    publish_item(leaflet, user=None)
    html = page(client.get("/leaflets/young-people/"))
    assert text_of(html.h1) == "Information for young people"
    assert html.find("h2", string="What happens next?") is not None
    assert html.find("h2", string=QUESTIONS[0]) is None


def test_home_page_leaflet_has_one_address(client, leaflet_content):
    response = client.get("/leaflets/serious-case-reviews/")
    assert response.status_code == 301
    assert response["Location"] == "/"
