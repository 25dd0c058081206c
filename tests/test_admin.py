import pytest
from django.contrib.auth.models import User

from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Section

from .helpers import page, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.gov.uk", "a-long-password-1")
    client.force_login(user)
    return client


def inline_form_data(leaflet):
    """The leaflet's admin form as the browser would post it back, unchanged."""
    data = {
        "title": leaflet.title,
        "slug": leaflet.slug,
        "is_home_page": "on" if leaflet.is_home_page else "",
        "introduction": leaflet.introduction,
        "closing_text": leaflet.closing_text,
        "further_reading": leaflet.further_reading,
        "published": "on",
        "sections-TOTAL_FORMS": leaflet.sections.count(),
        "sections-INITIAL_FORMS": leaflet.sections.count(),
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for index, section in enumerate(leaflet.sections.all()):
        prefix = f"sections-{index}-"
        data.update(
            {
                prefix + "id": section.pk,
                prefix + "leaflet": leaflet.pk,
                prefix + "question": section.question,
                prefix + "answer": section.answer,
                prefix + "order": section.order,
                prefix + "published": "on" if section.published else "",
                prefix + "anchor": section.anchor,
            }
        )
    return data


def test_staff_sign_in_page_is_served(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_staff_member_signs_in_changes_an_answer_and_publishes_it(client, leaflet_content):
    User.objects.create_user("board.editor", password="a-long-password-1", is_staff=True, is_superuser=True)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "board.editor", "password": "a-long-password-1"}
    )
    assert response.status_code == 302

    leaflet = Leaflet.objects.get()
    data = inline_form_data(leaflet)
    data["sections-0-answer"] = "The **LSCB** is a partnership. Updated by the board."
    response = client.post(
        f"/admin/leaflet/leaflet/{leaflet.pk}/change/", {**data, "_publish": "Save and publish"}
    )
    assert response.status_code == 302, response.content

    html = page(client.get("/"))
    assert "The LSCB is a partnership. Updated by the board." in {text_of(p) for p in html.select("main p")}


def test_sections_can_be_reordered_inline(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    data = inline_form_data(leaflet)
    data["sections-6-order"] = 1  # "How Long Will the Review Take?" moves to the top
    data["_publish"] = "Save and publish"
    assert staff_client.post(f"/admin/leaflet/leaflet/{leaflet.pk}/change/", data).status_code == 302
    questions = [text_of(h) for h in page(staff_client.get("/")).select("main section.faq h2")]
    assert questions[0] == "How Long Will the Review Take?"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/leaflet/leaflet/",
        "/admin/leaflet/leaflet/add/",
        "/admin/leaflet/section/",
        "/admin/leaflet/section/add/",
        "/admin/leaflet/board/",
        "/admin/leaflet/board/add/",
        "/admin/leaflet/guidancelink/",
        "/admin/leaflet/guidancelink/add/",
    ],
)
def test_every_content_page_in_the_admin_opens(staff_client, leaflet_content, url):
    assert staff_client.get(url).status_code == 200


def test_admin_search_finds_a_question(staff_client, leaflet_content):
    response = staff_client.get("/admin/leaflet/section/", {"q": "coroner"})
    assert "Who Will See the Report?" in response.content.decode()
    assert "How Long Will the Review Take?" not in response.content.decode()


def test_answer_editor_is_markdownx_with_live_preview(staff_client, leaflet_content):
    section = Section.objects.first()
    html = page(staff_client.get(f"/admin/leaflet/section/{section.pk}/change/"))
    editor = html.select_one("textarea[name=answer]")
    assert "markdownx-editor" in editor["class"]
    assert editor["data-markdownx-urls-path"] == "/markdownx/markdownify/"
    assert html.select_one(".markdownx-preview") is not None


def board_form(**changes):
    data = {
        "name": "Test Board",
        "address_lines": "1 High Street",
        "town": "Peterborough",
        "postcode": "PE1 1FB",
        "telephone": "01733 863765",
        "email": "board@example.gov.uk",
        "website": "",
        "order": 1,
    }
    data.update(changes)
    return data


def field_errors(response, field):
    html = page(response)
    row = html.select_one(f".field-{field}")
    errors = row.select(".errorlist li") if row else []
    return [text_of(error) for error in errors]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("telephone", "12345", "Enter a UK telephone number"),
        ("telephone", "+1 212 555 0100", "Enter a UK telephone number"),
        ("telephone", "call us", "Enter a UK telephone number"),
        ("email", "pscb-at-peterborough", "Enter a valid email address"),
        ("postcode", "12345", "Enter a UK postcode"),
        ("postcode", "PE1", "Enter a UK postcode"),
        ("website", "javascript:alert(1)", "Enter a full web address"),
        ("website", "ftp://example.gov.uk/", "Enter a full web address"),
    ],
)
def test_invalid_board_details_are_rejected_on_the_field(staff_client, field, value, message):
    response = staff_client.post("/admin/leaflet/board/add/", board_form(**{field: value}))
    assert response.status_code == 200  # the form comes back, nothing saved
    assert any(message in error for error in field_errors(response, field))
    assert not Board.objects.exists()


def test_valid_board_is_saved_with_a_tidy_postcode(staff_client):
    response = staff_client.post(
        "/admin/leaflet/board/add/", board_form(postcode="pe11fb", telephone="+44 1733 863765")
    )
    assert response.status_code == 302
    board = Board.objects.get()
    assert board.postcode == "PE1 1FB"
    assert board.telephone_uri == "tel:+441733863765"


@pytest.mark.parametrize(
    "url", ["data:text/html,<script>alert(1)</script>", "javascript:alert(1)", "not a url"]
)
def test_guidance_link_must_be_a_web_address(staff_client, url):
    response = staff_client.post(
        "/admin/leaflet/guidancelink/add/", {"title": "Guidance", "url": url, "description": "", "order": 1}
    )
    assert response.status_code == 200
    assert field_errors(response, "url")
    assert not GuidanceLink.objects.exists()


def test_plain_english_advice_is_shown_for_questions_edited_on_the_leaflet_page(
    staff_client, leaflet_content
):
    leaflet = Leaflet.objects.get()
    html = page(staff_client.get(f"/admin/leaflet/leaflet/{leaflet.pk}/change/"))
    advice = [
        text_of(box) for box in html.select(".inline-related:not(.empty-form) .field-plain_english_advice")
    ]
    assert len(advice) == leaflet.sections.count()
    assert any("reading age" in text.lower() for text in advice)

    data = inline_form_data(leaflet)
    data["sections-0-answer"] = "PLEASE [click here](https://www.gov.uk) now."
    response = staff_client.post(f"/admin/leaflet/leaflet/{leaflet.pk}/change/", data, follow=True)
    shown = " ".join(text_of(m) for m in page(response).select(".messagelist li"))
    assert "Plain English suggestions" in shown
    assert "click here" in shown
