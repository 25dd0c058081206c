"""The site in the board's other languages: /pl/ and /ur/, with English marked where it shows through."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Board, Language, Leaflet, Page, Question, QuestionTranslation

from .helpers import page, text_of
from .staff import admin_form, save_draft
from .translations import (
    POLISH_ANSWER,
    POLISH_BOARD,
    POLISH_PRIVACY,
    POLISH_QUESTION,
    POLISH_TITLE,
    URDU_QUESTION,
    translate,
)

pytestmark = pytest.mark.django_db

QUESTION = "How Long Will the Review Take?"


@pytest.fixture
def polish(leaflet_content):
    return translate("pl")


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return page(response)


def region(html, anchor):
    return html.select_one(f"section[aria-labelledby={anchor}]")


# --- the pages -------------------------------------------------------------------------------


def test_a_translated_leaflet_is_at_its_own_address_in_its_language(client, polish):
    html = html_of(client, "/pl/")

    assert html.html["lang"] == "pl"
    assert html.html["dir"] == "ltr"
    assert text_of(html.h1) == POLISH_TITLE
    assert not html.h1.has_attr("lang")
    question = region(html, "how-long-will-the-review-take")
    assert text_of(question.h2) == POLISH_QUESTION
    assert POLISH_ANSWER in text_of(question)


def test_english_shown_on_a_translated_page_is_marked_as_english(client, polish):
    html = html_of(client, "/pl/")

    untranslated = region(html, "what-is-the-lscb")
    assert untranslated.h2["lang"] == "en"
    assert untranslated.h2["dir"] == "ltr"
    assert untranslated.select_one("div[lang=en]") is not None
    # Words with no translation yet: English, marked.
    assert html.find("h2", id="contacts").span["lang"] == "en"
    # Words that are translated carry no mark.
    assert text_of(html.find("h2", id="contents-heading")) == "Spis treści"
    assert html.find("h2", id="contents-heading").span is None


def test_board_names_are_translated_but_their_contact_details_stay_as_they_are(client, polish):
    html = html_of(client, "/pl/")
    board = Board.objects.get(name__startswith="Peterborough")

    names = [text_of(h3) for h3 in html.select(".boards h3")]
    assert POLISH_BOARD in names
    telephone = html.find("a", href=board.telephone_uri)
    assert text_of(telephone) == board.telephone
    assert telephone["dir"] == "ltr"
    assert html.select_one(".boards address")["dir"] == "ltr"


def test_a_footer_page_in_a_language_uses_its_translation_and_english_for_the_rest(client, polish):
    html = html_of(client, "/pl/privacy/")

    assert text_of(html.h1) == POLISH_PRIVACY
    body = html.select_one("main .wrapper > div[lang=en]")
    assert body is not None and "cookie" in text_of(body).lower()


def test_the_safety_page_and_the_exit_button_work_in_every_language(client, polish):
    html = html_of(client, "/pl/leave-this-site-quickly/")

    assert text_of(html.select_one("[data-exit-link]")).endswith("Opuść tę stronę")
    help_link = html.select_one(".exit-this-page__help")
    assert help_link["href"] == "/pl/leave-this-site-quickly/"


def test_a_page_not_found_in_a_language_is_in_that_language(client, polish):
    response = client.get("/pl/no-such-page/")

    assert response.status_code == 404
    html = page(response)
    assert html.html["lang"] == "pl"
    assert html.select_one(".exit-this-page__help")["href"] == "/pl/leave-this-site-quickly/"


def test_an_unknown_language_is_not_found(client, polish):
    assert client.get("/xx/").status_code == 404
    assert client.get("/de/privacy/").status_code == 404


def test_a_language_not_offered_is_not_shown(client, leaflet_content):
    translate("pl", offered=False)

    assert client.get("/pl/").status_code == 404
    assert page(client.get("/")).select_one("nav.language-switcher") is None


def test_a_language_with_nothing_published_is_not_shown(client, leaflet_content):
    translate("pl", publish=False)

    assert client.get("/pl/").status_code == 404
    assert page(client.get("/")).select_one("nav.language-switcher") is None


def test_the_language_switcher_lists_each_language_in_its_own_name(client, polish):
    html = html_of(client, "/privacy/")

    switcher = html.select_one("nav.language-switcher")
    assert switcher["aria-label"] == "Languages"
    polish_link = switcher.find("a", hreflang="pl")
    assert text_of(polish_link) == "Polski"
    assert polish_link["lang"] == "pl"
    assert polish_link["href"] == "/pl/privacy/"
    english = html_of(client, "/pl/privacy/").select_one("nav.language-switcher").find("a", hreflang="en")
    assert english["href"] == "/privacy/"
    assert text_of(english) == "English"


def test_each_page_names_its_other_languages_for_search_engines(client, polish):
    alternates = {
        link["hreflang"]: link["href"] for link in html_of(client, "/").select("link[rel=alternate]")
    }
    assert alternates == {"en": "/", "pl": "/pl/"}


def test_a_right_to_left_language_turns_the_page_and_keeps_numbers_left_to_right(client, leaflet_content):
    urdu = translate("ur")
    QuestionTranslation.objects.filter(language=urdu).update(question=URDU_QUESTION)
    publish_item(Leaflet.objects.get().translations.get(language=urdu), user=None)

    html = html_of(client, "/ur/")

    assert html.html["lang"] == "ur"
    assert html.html["dir"] == "rtl"
    assert text_of(region(html, "how-long-will-the-review-take").h2) == URDU_QUESTION
    for link in html.select("a[href^='tel:']"):
        assert link["dir"] == "ltr", link
    for link in html.select(".boards a[href^='tel:']"):
        assert re.fullmatch(r"tel:\+44\d+", link["href"])


def test_english_pages_are_unchanged_by_a_language_apart_from_the_switcher(client, leaflet_content):
    before = {path: client.get(path).content.decode() for path in ("/", "/privacy/")}
    translate("pl")
    cache.clear()

    for path, html in before.items():
        after = client.get(path).content.decode()
        after = re.sub(r'\n  <link rel="alternate" hreflang="[^"]+" href="[^"]+">', "", after)
        after = re.sub(r'\n    <nav class="language-switcher".*?</nav>\n', "", after, flags=re.S)
        # The feedback token is signed afresh for each page built.
        strip = lambda text: re.sub(r'name="token" value="[^"]*"', "", text)  # noqa: E731
        assert strip(after) == strip(html), path


# --- publishing and the English moving on ---------------------------------------------------


def test_a_translation_reaches_families_only_once_published(client, polish):
    translation = QuestionTranslation.objects.get(language=polish)
    translation.answer = "Nowa odpowiedź, jeszcze nie opublikowana."
    translation.save()

    assert "Nowa odpowiedź" not in text_of(html_of(client, "/pl/").main)
    publish_item(translation, user=None)
    assert "Nowa odpowiedź" in text_of(html_of(client, "/pl/").main)


def test_an_editor_cannot_publish_a_translation(client, polish, as_editor):
    translation = QuestionTranslation.objects.get(language=polish)
    save_draft(as_editor, translation, answer="Nowa odpowiedź.")

    assert as_editor.post(admin_url(translation, "publish")).status_code == 403
    form = page(as_editor.get(admin_url(translation)))
    assert form.select_one("button[name=_publish]") is None
    assert "Nowa odpowiedź." not in text_of(html_of(client, "/pl/").main)


def test_publishing_an_english_change_flags_exactly_that_questions_translations(
    client, polish, as_publisher, leaflet
):
    question = Question.objects.get(question=QUESTION)
    other = leaflet.questions.get(question="Who Will See the Report?")
    QuestionTranslation.objects.create(
        english=other,
        language=polish,
        question="Kto zobaczy raport?",
        translated_from={"question": other.question, "answer": other.answer},
    )
    publish_item(leaflet.translations.get(language=polish), user=None)
    save_draft(as_publisher, question, answer="It usually takes about a year.")
    publish_item(leaflet, user=None)

    html = html_of(client, "/pl/")
    flagged = region(html, "how-long-will-the-review-take").select_one(".english-updated")
    assert flagged is not None
    assert flagged.a["href"] == "/#how-long-will-the-review-take"
    assert flagged.a["lang"] == "en"
    assert region(html, "who-will-see-the-report").select_one(".english-updated") is None
    assert len(html.select(".english-updated")) == 1


def test_republishing_the_brought_up_to_date_translation_clears_the_flag(
    client, polish, as_publisher, leaflet
):
    question = Question.objects.get(question=QUESTION)
    save_draft(as_publisher, question, answer="It usually takes about a year.")
    publish_item(leaflet, user=None)
    translation = QuestionTranslation.objects.get(language=polish)

    data = admin_form(as_publisher.get(admin_url(translation)))
    response = as_publisher.post(
        admin_url(translation),
        {**data, "answer": "Zwykle trwa to około roku.", "up_to_date": "on", "_publish": "Publish"},
    )

    assert response.status_code == 302
    html = html_of(client, "/pl/")
    assert html.select_one(".english-updated") is None
    assert "około roku" in text_of(html.main)


def test_a_change_to_a_boards_telephone_number_flags_nothing(client, polish, as_publisher, leaflet):
    board = Board.objects.get(name__startswith="Peterborough")
    save_draft(as_publisher, board, telephone="01733 863700")
    publish_item(leaflet, user=None)

    assert html_of(client, "/pl/").select_one(".english-updated") is None
    assert "01733 863700" in text_of(html_of(client, "/pl/").main)


def test_a_translated_page_from_a_warm_cache_costs_no_queries(client, polish, django_assert_num_queries):
    first = client.get("/pl/")
    with django_assert_num_queries(0):
        again = client.get("/pl/")
    assert again.content == first.content


def test_publishing_a_translation_replaces_its_cached_page(client, polish):
    client.get("/pl/")
    translation = QuestionTranslation.objects.get(language=polish)
    translation.answer = "Odpowiedź zmieniona przed chwilą."
    translation.save()
    publish_item(translation, user=None)

    assert "Odpowiedź zmieniona przed chwilą." in text_of(html_of(client, "/pl/").main)


def test_a_page_cannot_take_a_languages_address(as_publisher, polish):
    response = as_publisher.post(
        admin_url(Page, "add"),
        {"title": "Polish", "slug": "pl", "body": "Text", "footer_order": 1, "show_to_families": "on"},
    )

    assert response.status_code == 200
    assert "is used by the site itself" in text_of(page(response).select_one(".error-summary"))
    assert not Page.objects.filter(slug="pl").exists()


def test_a_language_is_named_and_turned_from_its_code(polish):
    urdu = Language.objects.create(code="ur")
    assert (polish.name, polish.direction) == ("Polski", "ltr")
    assert (urdu.name, urdu.direction) == ("اردو", "rtl")


# --- what staff are told ---------------------------------------------------------------------


def test_the_home_page_lists_out_of_date_translations_with_the_english_change(
    polish, as_publisher, as_editor, leaflet
):
    question = Question.objects.get(question=QUESTION)
    save_draft(as_publisher, question, answer="It usually takes about a year.")
    publish_item(leaflet, user=None)

    panel = page(as_editor.get(reverse("admin:index"))).select_one("[aria-labelledby=translations-heading]")
    assert "Polski" in text_of(panel.h3) and "1 to bring up to date" in text_of(panel.h3)
    (item,) = panel.select("li.home-list__item")
    assert f"{QUESTION} (Polski)" in text_of(item)
    assert "about a year." in " ".join(text_of(ins) for ins in item.select("ins"))
    assert item.a["href"] == admin_url(QuestionTranslation.objects.get(language=polish))


def test_the_languages_out_of_date_page_lists_them_all(polish, as_publisher, leaflet):
    question = Question.objects.get(question=QUESTION)
    save_draft(as_publisher, question, answer="It usually takes about a year.")
    publish_item(leaflet, user=None)

    response = as_publisher.get(admin_url(polish, "outofdate"))
    assert response.status_code == 200
    assert len(page(response).select("li.home-list__item")) == 1


def test_nothing_out_of_date_means_no_panel(polish, as_editor):
    assert (
        page(as_editor.get(reverse("admin:index"))).select_one("[aria-labelledby=translations-heading]")
        is None
    )


def test_the_sitemap_lists_each_language_with_the_others_as_alternates(client, polish):
    from urllib.parse import urlsplit

    import defusedxml.ElementTree as ET

    xml = ET.fromstring(client.get("/sitemap.xml").content)
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        urlsplit(url.find("s:loc", names).text).path: {
            link.get("hreflang"): urlsplit(link.get("href")).path for link in url.findall("x:link", names)
        }
        for url in xml.findall("s:url", names)
    }
    assert entries["/pl/privacy/"] == {"en-gb": "/privacy/", "pl": "/pl/privacy/"}
    assert entries["/"]["pl"] == "/pl/"


def test_pages_that_are_not_in_every_language_offer_no_language_links(client, polish):
    assert page(client.get("/pl/no-such-page/")).select_one("nav.language-switcher") is None
    thanks = page(client.get("/feedback/thank-you/?page=/pl/"))
    assert thanks.select_one("nav.language-switcher") is None
    assert thanks.html["lang"] == "pl"
