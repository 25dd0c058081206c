"""pseudo_translate: two test languages made from the English, for checking layouts, never published."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from scr_site.leaflet.drafts import publishing
from scr_site.leaflet.exchange.checks import structure
from scr_site.leaflet.interface import LABELS
from scr_site.leaflet.models import (
    InterfaceText,
    Language,
    LeafletTranslation,
    PublishedCopy,
    QuestionTranslation,
    SiteNotice,
)
from scr_site.leaflet.models.languages import TEST_LANGUAGES
from scr_site.leaflet.pseudo import english_of
from scr_site.leaflet.pseudo_text import accented, mirrored
from scr_site.leaflet.registry import TRANSLATIONS

pytestmark = pytest.mark.django_db

RLO, PDF = "\u202e", "\u202c"


@pytest.fixture
def pseudo(leaflet_content):
    SiteNotice.objects.create(
        message="The office is closed on **Friday**. [Contact us](https://example.gov.uk/)."
    )
    call_command("pseudo_translate", stdout=StringIO())
    return {language.code: language for language in Language.objects.filter(is_test=True)}


def items_and_translations(language):
    """[(English item's text, its pseudo-translation)] for every field of every item, and every label."""
    pairs = []
    for model in TRANSLATIONS:
        if model is InterfaceText:
            texts = InterfaceText.objects.get(language=language).texts
            pairs += [(("label", key), label.english, texts[key]) for key, label in LABELS.items()]
            continue
        for item in model.english_model().objects.all():
            row = model.objects.get(english=item, language=language)
            for name, english in english_of(item, model.FIELDS).items():
                pairs.append(((model.__name__, item.pk, name), english, getattr(row, name)))
    return pairs


def test_pseudo_translate_makes_the_two_test_languages(pseudo):
    assert sorted(pseudo) == ["ar-xb", "en-xa"]
    for code, language in pseudo.items():
        name, name_in_english, direction = TEST_LANGUAGES[code]
        assert (language.name, language.name_in_english, language.direction) == (
            name,
            name_in_english,
            direction,
        )
        assert language.is_test and not language.offered
    assert pseudo["ar-xb"].is_rtl and not pseudo["en-xa"].is_rtl


@pytest.mark.parametrize("code", TEST_LANGUAGES)
def test_every_text_of_every_item_and_every_label_is_pseudo_translated(pseudo, code):
    pairs = items_and_translations(pseudo[code])

    untranslated = [
        where for where, english, text in pairs if english.strip() and (not text or text == english)
    ]
    assert not untranslated
    # The site notice is included, and every kind of item.
    assert {where[0] for where, _, _ in pairs} >= {
        model.__name__ for model in TRANSLATIONS if model is not InterfaceText
    } | {"label"}
    # Nothing is made up where the English is empty: families would see the English there too.
    assert all(not text for _, english, text in pairs if not english.strip())


def test_the_accented_language_is_about_40_percent_longer(pseudo):
    pairs = items_and_translations(pseudo["en-xa"])

    english = sum(len(english) for _, english, _ in pairs)
    pseudo_length = sum(len(text) for _, _, text in pairs)

    assert 1.35 <= pseudo_length / english <= 1.45


@pytest.mark.parametrize("code", TEST_LANGUAGES)
def test_links_bold_terms_list_items_and_placeholders_are_kept(pseudo, code):
    for where, english, text in items_and_translations(pseudo[code]):
        before, after = structure(english, 3), structure(text, 3)
        assert (after.links, after.bold, after.items) == (before.links, before.bold, before.items), where
        assert re.findall(r"\{[a-z_]+\}", text) == re.findall(r"\{[a-z_]+\}", english), where


@pytest.mark.parametrize("code", TEST_LANGUAGES)
def test_pseudo_translated_labels_fit_their_length_limits(pseudo, code):
    texts = InterfaceText.objects.get(language=pseudo[code]).texts

    assert not [
        key for key, label in LABELS.items() if label.max_length and len(texts[key]) > label.max_length
    ]


def test_pseudo_translations_remember_the_english_they_were_made_from(pseudo, question):
    row = QuestionTranslation.objects.get(english=question, language=pseudo["en-xa"])

    assert row.translated_from == {"question": question.question, "answer": question.answer}


def test_pseudo_translations_are_never_published(pseudo):
    leaflet = LeafletTranslation.objects.get(language=pseudo["en-xa"])

    with pytest.raises(publishing.TestLanguageNotPublished):
        publishing.publish_item(leaflet, user=None)
    test_languages = [language.pk for language in pseudo.values()]
    assert not PublishedCopy.objects.filter(data__language_id__in=test_languages).exists()


def test_running_it_again_makes_them_again_from_the_english_as_it_is_now(pseudo, question):
    counts = {model: model.objects.count() for model in TRANSLATIONS}
    question.question = "How Long Does a Review Take?"
    question.save()

    call_command("pseudo_translate", stdout=StringIO())

    assert {model: model.objects.count() for model in TRANSLATIONS} == counts
    assert Language.objects.filter(is_test=True).count() == 2
    # An English draft that has never been published is used; a published item's published English.
    row = QuestionTranslation.objects.get(english=question, language=pseudo["en-xa"])
    assert row.question == accented(english_of(question, ["question"])["question"])


def test_the_command_says_what_it_made(leaflet_content):
    out = StringIO()

    call_command("pseudo_translate", stdout=out)

    assert "en-xa" in out.getvalue() and "ar-xb" in out.getvalue()
    assert f"{len(LABELS)} interface labels each" in out.getvalue()
    assert "never published" in out.getvalue()


# --- the text itself ------------------------------------------------------------------------------


def test_accented_text_keeps_markdown_addresses_and_placeholders():
    english = (
        "## Leave quickly\n\n"
        'Press **Exit this page**, or see [the guide](https://www.gov.uk/guide "Guide").\n\n'
        "- Email pscb@peterborough.gov.uk on {date}\n"
        "- Visit <https://example.org/a_b> or www.nhs.uk &amp; `code`"
    )

    text = accented(english)

    for kept in (
        "## ",
        "**",
        '](https://www.gov.uk/guide "Guide")',
        "pscb@peterborough.gov.uk",
        "{date}",
        "<https://example.org/a_b>",
        "www.nhs.uk",
        "&amp;",
        "`code`",
        "\n- ",
    ):
        assert kept in text, kept
    assert "Leave" not in text and text.startswith("## Ļééååṽéé ")


def test_mirrored_words_are_written_backwards_inside_a_right_to_left_override():
    assert mirrored("Exit this page") == f"{RLO}tixE{PDF} {RLO}siht{PDF} {RLO}egap{PDF}"


def test_mirrored_text_keeps_link_addresses_and_numbers_left_to_right():
    text = mirrored("Call [01733 863765](tel:+441733863765) on {date}")

    assert "[01733 863765](tel:+441733863765)" in text and text.endswith("{date}")
    assert text.startswith(f"{RLO}llaC{PDF}")
