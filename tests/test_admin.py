import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Question

from .helpers import page, text_of
from .staff import admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.gov.uk", "a-long-password-1")
    client.force_login(user)
    return client


def test_staff_sign_in_page_is_served(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200


def test_staff_member_signs_in_changes_an_answer_and_publishes_it(client, leaflet_content):
    User.objects.create_user("board.editor", password="a-long-password-1", is_staff=True, is_superuser=True)
    response = client.post(
        f"{reverse('admin:login')}?next={reverse('admin:index')}",
        {"username": "board.editor", "password": "a-long-password-1"},
    )
    assert response.status_code == 302

    question = Question.objects.get(anchor="what-is-the-lscb")
    data = admin_form(client.get(admin_url(question)))
    data["answer"] = "The **LSCB** is a partnership. Updated by the board."
    response = client.post(admin_url(question), {**data, "_publish": "Publish"})
    assert response.status_code == 302, response.content

    html = page(client.get("/"))
    assert "The LSCB is a partnership. Updated by the board." in {text_of(p) for p in html.select("main p")}


def move(browser, leaflet, question, direction):
    data = admin_form(browser.get(admin_url(leaflet)))
    return browser.post(admin_url(leaflet), {**data, "_move": f"{question.pk}:{direction}"})


def question_order(leaflet):
    return list(leaflet.questions.values_list("question", flat=True))


def test_the_leaflet_page_lists_its_questions_each_with_its_own_edit_page(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    html = page(staff_client.get(admin_url(leaflet)))

    rows = html.select(".question-list tbody tr")
    assert [text_of(row.th) for row in rows] == question_order(leaflet)
    first = leaflet.questions.first()
    assert rows[0].th.a["href"] == admin_url(first)
    assert html.select_one("textarea[name$=answer]") is None


def test_a_question_moves_up_and_down_from_the_leaflet_page(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    last = leaflet.questions.last()

    response = move(staff_client, leaflet, last, "up")

    assert response.status_code == 302
    assert response["Location"] == f"{admin_url(leaflet)}#question-{last.pk}"
    assert question_order(leaflet)[-2] == last.question
    move(staff_client, leaflet, last, "down")
    assert question_order(leaflet)[-1] == last.question


def test_moving_a_question_also_saves_what_was_typed_on_the_leaflet(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    data = admin_form(staff_client.get(admin_url(leaflet)))
    last = leaflet.questions.last()

    staff_client.post(
        admin_url(leaflet), {**data, "introduction": "Read this first.", "_move": f"{last.pk}:up"}
    )

    assert Leaflet.objects.get().introduction == "Read this first."


def test_the_first_question_cannot_move_up(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    first = leaflet.questions.first()
    before = question_order(leaflet)

    response = move(staff_client, leaflet, first, "up")

    assert response.status_code == 302
    assert question_order(leaflet) == before
    row = page(staff_client.get(admin_url(leaflet))).select_one(f"#question-{first.pk}")
    assert [text_of(button) for button in row.select("button")] == [f"Move down “{first.question}”"]


def test_a_moved_question_reaches_families_when_the_leaflet_is_published(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    last = leaflet.questions.last()
    move(staff_client, leaflet, last, "up")
    assert [text_of(h) for h in page(staff_client.get("/")).select("main section.faq h2")][
        -1
    ] == last.question

    staff_client.post(admin_url(leaflet, "publish"))

    assert [text_of(h) for h in page(staff_client.get("/")).select("main section.faq h2")][
        -2
    ] == last.question


@pytest.mark.parametrize("model", ["leaflet", "question", "board", "guidancelink"])
@pytest.mark.parametrize("view", ["changelist", "add"])
def test_every_content_page_in_the_admin_opens(staff_client, leaflet_content, model, view):
    assert staff_client.get(reverse(f"admin:leaflet_{model}_{view}")).status_code == 200


def test_adding_a_question_from_the_leaflet_page_chooses_its_leaflet(staff_client, leaflet_content):
    leaflet = Leaflet.objects.get()
    add_link = page(staff_client.get(admin_url(leaflet))).find("a", string="Add a question")["href"]

    form = page(staff_client.get(add_link))

    assert form.select_one(f"select[name=leaflet] option[value='{leaflet.pk}']").has_attr("selected")


def test_admin_search_finds_a_question(staff_client, leaflet_content):
    response = staff_client.get(reverse("admin:leaflet_question_changelist"), {"q": "coroner"})
    assert "Who Will See the Report?" in response.content.decode()
    assert "How Long Will the Review Take?" not in response.content.decode()


def test_answer_editor_is_markdownx_with_live_preview(staff_client, leaflet_content):
    question = Question.objects.first()
    html = page(staff_client.get(admin_url(question)))
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
        ("telephone", "12345", "is not a complete UK telephone number"),
        ("telephone", "+1 212 555 0100", "is not a complete UK telephone number"),
        ("telephone", "call us", "is not a complete UK telephone number"),
        # A digit short: a real area code, but no such number in the UK numbering plan.
        ("telephone", "01480 37352", "“01480 37352” is not a complete UK telephone number"),
        ("telephone", "07700 9001234", "is not a complete UK telephone number"),
        ("email", "pscb-at-peterborough", "Enter a valid email address"),
        ("postcode", "12345", "Enter a UK postcode"),
        ("postcode", "PE1", "Enter a UK postcode"),
        ("website", "javascript:alert(1)", "Enter a full web address"),
        ("website", "ftp://example.gov.uk/", "Enter a full web address"),
    ],
)
def test_invalid_board_details_are_rejected_on_the_field(staff_client, field, value, message):
    response = staff_client.post(reverse("admin:leaflet_board_add"), board_form(**{field: value}))
    assert response.status_code == 200  # the form comes back, nothing saved
    assert any(message in error for error in field_errors(response, field))
    assert not Board.objects.exists()


@pytest.mark.parametrize("telephone", ["01733 863765", "01480 373522", "(01733) 863765", "+44 1733 863765"])
def test_real_uk_numbers_are_accepted(staff_client, telephone):
    response = staff_client.post(reverse("admin:leaflet_board_add"), board_form(telephone=telephone))
    assert response.status_code == 302
    assert Board.objects.get().telephone == telephone


def test_valid_board_is_saved_with_a_tidy_postcode(staff_client):
    response = staff_client.post(
        reverse("admin:leaflet_board_add"), board_form(postcode="pe11fb", telephone="+44 1733 863765")
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
        reverse("admin:leaflet_guidancelink_add"),
        {"title": "Guidance", "url": url, "description": "", "order": 1},
    )
    assert response.status_code == 200
    assert field_errors(response, "url")
    assert not GuidanceLink.objects.exists()


def test_plain_english_advice_is_shown_beside_the_answer_and_after_saving(staff_client, leaflet_content):
    question = Question.objects.get(anchor="what-is-the-lscb")
    html = page(staff_client.get(admin_url(question)))
    assert "reading age" in text_of(html.select_one(".field-plain_english_advice")).lower()

    data = admin_form(staff_client.get(admin_url(question)))
    data["answer"] = "PLEASE [click here](https://www.gov.uk) now."
    response = staff_client.post(admin_url(question), data, follow=True)
    shown = " ".join(text_of(m) for m in page(response).select(".messagelist li"))
    assert "Plain English suggestions" in shown
    assert "click here" in shown
