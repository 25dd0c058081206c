"""Translations that the English has moved on from.

A translation remembers the English it was translated from (`translated_from`). When the
English item is published with a change to a field the translation fills in, the
translation is out of date until someone brings it up to date. A change to something not
translated (a board's telephone number, say) never flags anything.
"""

from dataclasses import dataclass, field

from ..interface import LABELS
from ..models import InterfaceText
from ..models.published import published_copy
from ..registry import TRANSLATIONS
from .diffs import FieldChange


def english_labels():
    return {key: label.english for key, label in LABELS.items()}


def english_now(translation):
    """The published English of everything `translation` translates, as {field: text}."""
    if isinstance(translation, InterfaceText):
        return {"texts": english_labels()}
    copy = published_copy(translation.english)
    if copy is None:
        return {}
    return {name: copy.data.get(name, "") for name in translation.FIELDS}


def bring_up_to_date(translation):
    """Record that `translation` now matches the published English."""
    translation.translated_from = english_now(translation)


@dataclass
class OutOfDate:
    translation: object
    changes: list = field(default_factory=list)

    @property
    def language(self):
        return self.translation.language


def out_of_date(translation):
    """An OutOfDate for the draft `translation`, or None if it matches the English published now."""
    stale = translation.stale_fields(english_now(translation))
    if not stale:
        return None
    return OutOfDate(
        translation, [FieldChange(_label(translation, name), then, now) for name, then, now in stale]
    )


def _label(translation, name):
    if isinstance(translation, InterfaceText):
        return LABELS[name].where if name in LABELS else name
    return str(type(translation)._meta.get_field(name).verbose_name).capitalize()


def all_out_of_date(language=None):
    """Every translation whose English has changed since, language by language."""
    found = []
    for model in TRANSLATIONS:
        rows = model.objects.select_related("language")
        if model is not InterfaceText:
            rows = rows.select_related("english")
        if language is not None:
            rows = rows.filter(language=language)
        for translation in rows.filter(language__is_test=False):
            stale = out_of_date(translation)
            if stale is not None:
                found.append(stale)
    return sorted(found, key=lambda item: (item.language.order, item.language.code, str(item.translation)))
