"""load_content loads translations from content/ by the same rules as the English."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from scr_site.leaflet.content_folder.translation_files import translation_files_in
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.drafts.translations import out_of_date
from scr_site.leaflet.models import (
    Board,
    BoardTranslation,
    GuidanceLinkTranslation,
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    Question,
    QuestionTranslation,
)
from scr_site.leaflet.models.published import published_copy

from .translation_content import LEAFLET, content_with_polish

pytestmark = pytest.mark.django_db

TRANSLATIONS = [
    LeafletTranslation,
    QuestionTranslation,
    BoardTranslation,
    GuidanceLinkTranslation,
    PageTranslation,
    InterfaceText,
]


def load(folder, **options):
    call_command("load_content", content_dir=str(folder), stdout=StringIO(), **options)


def snapshot():
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in TRANSLATIONS}
    return {**rows, "Language": list(Language.objects.order_by("pk").values())}


def polish_question(anchor):
    return QuestionTranslation.objects.get(english__anchor=anchor, language__code="pl")


@pytest.fixture
def polish_content(db, tmp_path):
    return content_with_polish(tmp_path)


@pytest.fixture
def loaded(polish_content):
    load(polish_content)
    return polish_content


def test_the_content_folder_ships_no_translation():
    assert translation_files_in(settings.CONTENT_DIR) == []


def test_load_content_creates_the_language_and_its_translations(loaded):
    polish = Language.objects.get(code="pl")
    assert (polish.name, polish.direction, polish.offered, polish.is_test) == ("Polski", "ltr", True, False)
    leaflet = LeafletTranslation.objects.get(language=polish)
    assert leaflet.title == "Poważne przeglądy przypadków: informacje dla rodzin"
    assert leaflet.introduction == "" and leaflet.further_reading == ""
    assert str(leaflet.last_reviewed_on) == "2026-11-01"
    lscb = polish_question("what-is-the-lscb")
    assert lscb.question == "Czym jest Lokalna Rada ds. Ochrony Dzieci (LSCB)?"
    assert lscb.answer_html.startswith("<p><strong>LSCB</strong> skupia")
    assert QuestionTranslation.objects.count() == 2
    assert BoardTranslation.objects.get(english__name__startswith="Peterborough").name.startswith("Rada")
    assert GuidanceLinkTranslation.objects.get().description.startswith("Wytyczne")
    assert PageTranslation.objects.get(english__slug="privacy").title == "Prywatność i pliki cookie"
    assert InterfaceText.objects.get(language=polish).texts == {
        "contents": "Spis treści",
        "exit_page": "Wyjdź z tej strony",
    }


def test_loaded_translations_are_published_and_match_the_english_they_were_loaded_with(loaded):
    for model in TRANSLATIONS:
        for row in model.objects.all():
            assert published_copy(row) is not None, row
            assert out_of_date(row) is None, row
    lscb = polish_question("what-is-the-lscb")
    assert lscb.translated_from == {"question": lscb.english.question, "answer": lscb.english.answer}


def test_running_load_content_again_changes_nothing(loaded):
    before = snapshot()

    load(loaded)

    assert snapshot() == before


def test_a_staff_edit_to_a_translation_survives_another_load(loaded):
    QuestionTranslation.objects.filter(english__anchor="what-is-the-lscb").update(answer="Poprawione.")

    load(loaded)

    assert polish_question("what-is-the-lscb").answer == "Poprawione."


def test_a_language_staff_changed_keeps_their_change(loaded):
    Language.objects.filter(code="pl").update(offered=False, name="Polski (PL)")

    load(loaded)

    assert Language.objects.filter(code="pl", offered=False, name="Polski (PL)").exists()


def test_a_translation_staff_deleted_is_not_brought_back(loaded):
    polish_question("what-is-the-lscb").delete()

    load(loaded)

    assert not QuestionTranslation.objects.filter(english__anchor="what-is-the-lscb").exists()
    assert QuestionTranslation.objects.filter(english__anchor="how-long-will-the-review-take").exists()


def test_a_language_staff_deleted_is_not_brought_back_with_any_of_its_translations(loaded):
    Language.objects.get(code="pl").delete()

    load(loaded)

    assert not Language.objects.exists()
    assert not any(model.objects.exists() for model in TRANSLATIONS)


def test_reset_restores_translations_and_the_language(loaded):
    polish_question("what-is-the-lscb").delete()
    QuestionTranslation.objects.filter(english__anchor="how-long-will-the-review-take").update(
        answer="Zmienione."
    )
    Language.objects.filter(code="pl").update(name="Zmieniona nazwa")

    load(loaded, reset=True)

    assert polish_question("what-is-the-lscb").question.startswith("Czym jest")
    assert polish_question("how-long-will-the-review-take").answer == "Zwykle około sześciu miesięcy."
    assert Language.objects.get(code="pl").name == "Polski"


def test_a_deleted_language_comes_back_with_reset(loaded):
    Language.objects.get(code="pl").delete()

    load(loaded, reset=True)

    assert LeafletTranslation.objects.filter(language__code="pl").exists()


def test_a_translation_staff_made_before_loading_is_adopted_not_duplicated(polish_content):
    call_command("load_content", stdout=StringIO())
    polish = Language.objects.create(code="pl")
    english = Question.objects.get(anchor="what-is-the-lscb")
    QuestionTranslation.objects.create(english=english, language=polish, question="Zrobione w panelu.")

    load(polish_content)

    assert QuestionTranslation.objects.filter(english=english).get().question == "Zrobione w panelu."


def test_a_translation_of_english_staff_deleted_is_skipped(polish_content):
    call_command("load_content", stdout=StringIO())
    Question.objects.get(anchor="what-is-the-lscb").delete()

    load(polish_content)

    assert QuestionTranslation.objects.count() == 1


def test_a_translation_loaded_after_staff_changed_the_english_is_out_of_date(polish_content):
    call_command("load_content", stdout=StringIO())
    english = Question.objects.get(anchor="what-is-the-lscb")
    english.answer = "The LSCB is a partnership of every organisation working with children."
    english.save()
    publish_item(english, user=None)

    load(polish_content)

    assert out_of_date(polish_question("what-is-the-lscb")) is not None
    assert out_of_date(polish_question("how-long-will-the-review-take")) is None


def test_a_file_can_say_which_english_it_was_translated_from(db, tmp_path):
    folder = content_with_polish(
        tmp_path,
        {
            f"{LEAFLET}/translations/pl/questions/07-how-long-will-the-review-take.md": (
                "---\nanchor: how-long-will-the-review-take\nquestion: Jak długo potrwa przegląd?\n"
                "translated_from:\n  answer: Usually about six months.\n---\nZwykle około sześciu miesięcy.\n"
            )
        },
    )

    load(folder)

    row = polish_question("how-long-will-the-review-take")
    assert row.translated_from["answer"] == "Usually about six months."
    assert [change.before for change in out_of_date(row).changes] == ["Usually about six months."]


def test_a_known_language_needs_no_language_file(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/cs/interface.yaml": "contents: Obsah\n"})

    load(folder)

    czech = Language.objects.get(code="cs")
    assert (czech.name, czech.direction, czech.offered) == ("Česky", "ltr", False)


def test_a_right_to_left_language_takes_its_direction_from_django(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/ur/interface.yaml": "contents: فہرست\n"})

    load(folder)

    assert Language.objects.get(code="ur").is_rtl


# --- broken files load nothing, and name the file ---------------------------------------------------


def nothing_loads(folder, match):
    with pytest.raises(CommandError, match=match):
        load(folder)
    assert not Leaflet.objects.exists() and not Language.objects.exists()


def test_a_question_translation_without_an_english_question_is_refused(db, tmp_path):
    path = f"{LEAFLET}/translations/pl/questions/09-no-such-question.md"
    folder = content_with_polish(tmp_path, {path: "---\nanchor: no-such-question\n---\nTekst.\n"})

    nothing_loads(
        folder, r"09-no-such-question\.md: there is no English question with the anchor “no-such-question”"
    )


def test_a_page_translation_without_an_english_page_is_refused(db, tmp_path):
    folder = content_with_polish(
        tmp_path, {"pages/translations/pl/kontakt.md": "---\nslug: kontakt\n---\nTekst.\n"}
    )

    nothing_loads(folder, r"kontakt\.md: there is no English page with the slug “kontakt”")


def test_a_board_translation_with_an_unknown_key_is_refused(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/pl/boards.yaml": "- key: norfolk\n  name: Rada\n"})

    nothing_loads(folder, r"boards\.yaml: there is no English boards item with the key “norfolk”")


def test_an_unknown_interface_label_is_refused(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/pl/interface.yaml": "contnets: Spis treści\n"})

    nothing_loads(folder, r"interface\.yaml: there is no interface label called “contnets”")


def test_an_interface_label_over_its_limit_is_refused(db, tmp_path):
    text = "Natychmiast wyjdź z tej strony"
    folder = content_with_polish(tmp_path, {"translations/pl/interface.yaml": f"exit_page: {text}\n"})

    nothing_loads(folder, r"interface\.yaml: exit_page is 30 characters long; the limit is 24")


@pytest.mark.parametrize(
    "code, problem",
    [
        ("Polish", "“Polish” is not a language code"),
        ("en", "English is the language everything is translated from"),
        ("en-xa", "kept for the pseudo-translations"),
    ],
)
def test_a_folder_that_is_not_a_language_code_is_refused(db, tmp_path, code, problem):
    folder = content_with_polish(tmp_path, {f"translations/{code}/interface.yaml": "contents: X\n"})

    nothing_loads(folder, problem)


def test_an_unknown_language_without_its_name_and_direction_is_refused(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/xq/interface.yaml": "contents: X\n"})

    nothing_loads(folder, r"translations/xq/: name: The site does not know this code")


def test_a_bad_language_file_is_refused_by_name(db, tmp_path):
    folder = content_with_polish(tmp_path, {"translations/pl/language.yaml": "direction: sideways\n"})

    nothing_loads(folder, r"language\.yaml: direction: Value 'sideways' is not a valid choice")


def test_a_broken_translated_from_is_refused(db, tmp_path):
    path = f"{LEAFLET}/translations/pl/leaflet.yaml"
    folder = content_with_polish(tmp_path, {path: "title: Ulotka\ntranslated_from: just some text\n"})

    nothing_loads(folder, r"leaflet\.yaml: translated_from must be a set of 'name: English text' lines")


def test_a_translated_page_loads_with_the_english_page_it_translates(loaded):
    privacy = PageTranslation.objects.get()

    assert privacy.english == Page.objects.get(slug="privacy")
    assert privacy.body_html.startswith("<p>Ta strona")
    assert Board.objects.count() == BoardTranslation.objects.count()
