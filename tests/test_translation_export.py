"""The file sent to a translation agency: what is in it, and what each segment tells the translator."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.drafts.translations import bring_up_to_date
from scr_site.leaflet.interface import LABELS
from scr_site.leaflet.models import (
    Board,
    GuidanceLink,
    InterfaceText,
    Language,
    Leaflet,
    Page,
    Question,
    QuestionTranslation,
)
from scr_site.leaflet.pseudo import pseudo_translate

from .xliff_files import XML_LANG, exported, file_element, notes, q, sources, units

pytestmark = pytest.mark.django_db


@pytest.fixture
def polish(leaflet_content):
    return Language.objects.create(code="pl")


def translate(english, language, **fields):
    row = QuestionTranslation(english=english, language=language, **fields)
    bring_up_to_date(row)
    row.save()
    return row


def every_segment_families_see():
    ids = []
    for leaflet in Leaflet.objects.all():
        ids += [f"leaflet/{leaflet.pk}/{name}" for name in ("title", "closing_text", "further_reading")]
    for question in Question.objects.all():
        ids += [f"question/{question.pk}/question", f"question/{question.pk}/answer"]
    ids += [f"board/{board.pk}/name" for board in Board.objects.all()]
    for link in GuidanceLink.objects.all():
        ids += [f"guidance/{link.pk}/title", f"guidance/{link.pk}/description"]
    for page in Page.objects.all():
        ids += [f"page/{page.pk}/{name}" for name in ("title", "summary", "body")]
    return ids + [f"label/{key}" for key in LABELS]


def test_a_new_language_is_sent_every_text_families_see_with_its_english(polish, question):
    data = exported(polish)

    assert sorted(units(data)) == sorted(every_segment_families_see())
    assert sources(data)[f"question/{question.pk}/answer"] == question.answer
    assert sources(data)["label/contents"] == "Contents"


def test_the_leaflets_empty_introduction_is_not_sent(polish, leaflet):
    # The content/ leaflet has no introduction: there is nothing to translate.
    assert f"leaflet/{leaflet.pk}/introduction" not in units(exported(polish))


def test_a_leaflets_summary_is_sent_for_search_results_in_the_language(polish, leaflet):
    # content/ gives the leaflet no summary; one staff write is shown in search results and link previews.
    leaflet.summary = "What a serious case review is, and what it means for your family."
    leaflet.save()
    publish_item(leaflet, user=None)
    data = exported(polish)

    assert sources(data)[f"leaflet/{leaflet.pk}/summary"] == leaflet.summary
    assert notes(data, f"leaflet/{leaflet.pk}/summary")[0].startswith("Summary of the leaflet")


def test_the_file_says_it_translates_english_into_the_language(polish):
    file = file_element(exported(polish))

    assert (file.get("source-language"), file.get("target-language")) == ("en", "pl")
    target = next(iter(units(exported(polish)).values())).find(q("target"))
    assert target.get(XML_LANG) == "pl"
    assert not (target.text or "")


def test_segment_ids_stay_the_same_from_one_export_to_the_next(polish):
    assert list(units(exported(polish))) == list(units(exported(polish)))


def test_each_segment_says_where_it_appears_and_its_length_limit(polish, question):
    data = exported(polish)
    heading = units(data)[f"question/{question.pk}/question"]

    assert (heading.get("maxwidth"), heading.get("size-unit")) == ("300", "char")
    assert "Heading: a question in the leaflet" in notes(data, f"question/{question.pk}/question")[0]
    assert "Up to 300 characters." in notes(data, f"question/{question.pk}/question")[0]
    answer_note = notes(data, f"question/{question.pk}/answer")[0]
    assert answer_note.startswith("Answer: the text under the question's heading")
    assert "keep each **bold term**" in answer_note
    assert units(data)[f"question/{question.pk}/answer"].get("maxwidth") is None
    label_note = notes(data, "label/exit_page")[0]
    assert LABELS["exit_page"].where in label_note and "Up to 24 characters." in label_note


def test_a_placeholder_is_pointed_out_to_the_translator(polish):
    assert "Keep {date} exactly as it is." in notes(exported(polish), "label/english_updated")[0]


def test_a_text_translated_from_the_english_as_it_is_is_not_sent_again(polish, question):
    translate(question, polish, question="Jak długo potrwa przegląd?", answer="Zwykle sześć miesięcy.")

    ids = units(exported(polish))

    assert f"question/{question.pk}/question" not in ids
    assert f"question/{question.pk}/answer" not in ids


def test_an_empty_translated_text_is_sent(polish, question):
    translate(question, polish, question="Jak długo potrwa przegląd?", answer="")

    ids = units(exported(polish))

    assert f"question/{question.pk}/question" not in ids
    assert f"question/{question.pk}/answer" in ids


def test_a_text_whose_english_has_changed_is_sent_with_its_earlier_translation(polish, question, leaflet):
    old_english = question.answer
    translate(question, polish, question="Jak długo potrwa przegląd?", answer="Zwykle sześć miesięcy.")
    question.answer = "Most reviews now take about a year."
    question.save()
    publish_item(question, user=None)

    data = exported(polish)
    unit = units(data)[f"question/{question.pk}/answer"]

    assert unit.find(q("source")).text == "Most reviews now take about a year."
    earlier = unit.find(q("alt-trans"))
    assert earlier.find(q("source")).text == old_english
    assert earlier.find(q("target")).text == "Zwykle sześć miesięcy."
    assert not (unit.find(q("target")).text or "")
    # Only the answer changed: the heading's translation still matches its English.
    assert f"question/{question.pk}/question" not in units(data)


def test_an_unpublished_english_draft_is_not_sent(polish, question):
    published = question.answer
    question.answer = "A draft nobody has published."
    question.save()

    assert sources(exported(polish))[f"question/{question.pk}/answer"] == published


def test_a_question_hidden_from_families_is_not_sent(polish, question):
    question.show_to_families = False
    question.save()
    publish_item(question, user=None)

    assert f"question/{question.pk}/answer" not in units(exported(polish))


def test_interface_words_already_translated_are_not_sent(polish):
    InterfaceText.objects.create(
        language=polish,
        texts={"contents": "Spis treści"},
        translated_from={"texts": {"contents": "Contents"}},
    )

    ids = units(exported(polish))

    assert "label/contents" not in ids
    assert "label/exit_page" in ids


# --- the command ------------------------------------------------------------------------------


def test_export_translation_writes_the_file(polish, tmp_path):
    out = StringIO()
    path = tmp_path / "pl.xlf"

    call_command("export_translation", "pl", output=str(path), stdout=out)

    assert units(path.read_bytes()).keys() == units(exported(polish)).keys()
    assert f"Wrote {len(units(exported(polish)))} segments for Polski" in out.getvalue()


def test_export_translation_will_not_overwrite_a_file_unless_told(polish, tmp_path):
    path = tmp_path / "pl.xlf"
    path.write_text("keep me")

    with pytest.raises(CommandError, match="already exists"):
        call_command("export_translation", "pl", output=str(path), stdout=StringIO())
    assert path.read_text() == "keep me"

    call_command("export_translation", "pl", output=str(path), force=True, stdout=StringIO())
    assert units(path.read_bytes())


def test_export_translation_names_the_languages_there_are_when_the_code_is_unknown(polish):
    with pytest.raises(CommandError, match=r"no language “de”.*: pl\."):
        call_command("export_translation", "de", stdout=StringIO())


def test_a_test_language_is_never_sent_out(leaflet_content):
    pseudo_translate()

    with pytest.raises(CommandError, match="test language"):
        call_command("export_translation", "en-xa", stdout=StringIO())


def test_a_language_with_nothing_to_translate_gets_no_file(polish, tmp_path, monkeypatch):
    monkeypatch.setattr("scr_site.leaflet.exchange.exporting.segments_to_translate", lambda language: [])
    monkeypatch.chdir(tmp_path)
    out = StringIO()

    call_command("export_translation", "pl", stdout=out)

    assert "Nothing to translate" in out.getvalue()
    assert list(tmp_path.iterdir()) == []
