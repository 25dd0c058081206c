"""The two test languages, made from the English by `manage.py pseudo_translate`.

Staff preview them to see where longer or right-to-left text breaks a page. They are
drafts of test languages: never offered to families and never published. Each run makes
them again from the English as it is then, so they never go out of date for long.
"""

from dataclasses import dataclass, field

import reversion
from django.db import transaction

from .interface import LABELS
from .models import InterfaceText, Language
from .models.languages import TEST_LANGUAGES
from .models.published import published_copy
from .pseudo_text import accented, mirrored
from .registry import TRANSLATIONS

MADE_BY = {"en-xa": accented, "ar-xb": mirrored}
# Listed after every real language in the admin.
ORDER = 10_000
COMMENT = "Pseudo-translation made from the English by pseudo_translate."


@dataclass
class PseudoReport:
    languages: list = field(default_factory=list)
    items: int = 0
    labels: int = len(LABELS)


def english_of(item, fields):
    """What families see of `item` in English, or its draft if it has never been published."""
    copy = published_copy(item)
    source = copy.data if copy is not None else {name: getattr(item, name) for name in fields}
    return {name: source.get(name) or "" for name in fields}


def _test_language(code):
    name, name_in_english, direction = TEST_LANGUAGES[code]
    language, _ = Language.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "name_in_english": name_in_english,
            "direction": direction,
            "is_test": True,
            "offered": False,
            "order": ORDER + list(TEST_LANGUAGES).index(code),
        },
    )
    return language


def _translate_items(model, language, make):
    existing = {row.english_id: row for row in model.objects.filter(language=language)}
    count = 0
    for item in model.english_model().objects.all():
        english = english_of(item, model.FIELDS)
        row = existing.get(item.pk) or model(english=item, language=language)
        for name, text in english.items():
            setattr(row, name, make(text))
        row.translated_from = english
        row.save()
        count += 1
    return count


def _translate_labels(language, make):
    english = {key: label.english for key, label in LABELS.items()}
    row = InterfaceText.objects.filter(language=language).first() or InterfaceText(language=language)
    row.texts = {key: make(text) for key, text in english.items()}
    row.translated_from = {"texts": english}
    row.save()


@transaction.atomic
def pseudo_translate():
    """Make (or make again) both test languages from the English; return what was made."""
    report = PseudoReport()
    with reversion.create_revision():
        reversion.set_comment(COMMENT)
        for code, make in MADE_BY.items():
            language = _test_language(code)
            report.languages.append(language)
            report.items = 0
            for model in TRANSLATIONS:
                if model is InterfaceText:
                    _translate_labels(language, make)
                else:
                    report.items += _translate_items(model, language, make)
    return report
