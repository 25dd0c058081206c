"""Translations the tests write for themselves: the site ships none."""

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.drafts.translations import bring_up_to_date
from scr_site.leaflet.models import (
    Board,
    BoardTranslation,
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    Question,
    QuestionTranslation,
)

# Words in Polish for a few things; everything else is left to fall back to the English.
POLISH_TITLE = "Poważne przeglądy spraw: informacje dla rodzin"
POLISH_QUESTION = "Ile potrwa przegląd?"
POLISH_ANSWER = "Zwykle trwa to od sześciu do dziewięciu miesięcy."
POLISH_BOARD = "Rada ds. Ochrony Dzieci w Peterborough"
POLISH_PRIVACY = "Prywatność i pliki cookie"
POLISH_LABELS = {"contents": "Spis treści", "exit_page": "Opuść tę stronę", "telephone": "Telefon"}
URDU_QUESTION = "جائزے میں کتنا وقت لگے گا؟"


def _save(translation):
    bring_up_to_date(translation)
    translation.save()
    return translation


def translate(code="pl", offered=True, publish=True, question="How Long Will the Review Take?"):
    """Translate a few things into `code` (Polish words), publish them, and return the language."""
    language = Language.objects.create(code=code, offered=offered)
    leaflet = Leaflet.objects.get(is_home_page=True)
    _save(LeafletTranslation(english=leaflet, language=language, title=POLISH_TITLE))
    _save(
        QuestionTranslation(
            english=Question.objects.get(question=question),
            language=language,
            question=POLISH_QUESTION,
            answer=POLISH_ANSWER,
        )
    )
    _save(
        BoardTranslation(
            english=Board.objects.get(name__startswith="Peterborough"), language=language, name=POLISH_BOARD
        )
    )
    _save(PageTranslation(english=Page.objects.get(slug="privacy"), language=language, title=POLISH_PRIVACY))
    _save(InterfaceText(language=language, texts=POLISH_LABELS))
    if publish:
        publish_item(LeafletTranslation.objects.get(language=language), user=None)
        publish_item(PageTranslation.objects.get(language=language), user=None)
    return language
