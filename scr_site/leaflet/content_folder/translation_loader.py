"""Putting the translations in content/ into the database, by the same rules as the English.

Run after the English is loaded: a translation is created (and published) if it is new,
left alone if it was loaded before (so staff edits stay), not brought back if staff
deleted it, and overwritten only with --reset. A translation of English that staff have
deleted is skipped. Each translation remembers the English in content/ as the English it
was translated from, unless its file says otherwise (translated_from).
"""

import reversion
from django.core.exceptions import ValidationError

from ..interface import LABELS
from ..models import (
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    Question,
    QuestionTranslation,
    SeededItem,
)
from .files import ContentError
from .translation_files import LIST_FILES, TRANSLATED_FROM

LANGUAGE_FIELDS = ["name", "name_in_english", "direction", "offered", "order"]
LEAFLET_TEXTS = ["introduction", "closing_text", "further_reading"]


def _text(data, name):
    return str(data.get(name) or "").strip()


def _values(data, english, fields, extra=None):
    """The translated fields, and the English each was translated from."""
    values = {name: _text(data, name) for name in fields}
    translated_from = {name: english.get(name) or "" for name in fields}
    translated_from.update(data.get(TRANSLATED_FROM) or {})
    return {**values, **(extra or {}), "translated_from": translated_from}


def _review_dates(data):
    return {"last_reviewed_on": data.get("last_reviewed"), "review_contact": data.get("review_contact") or ""}


def _english_row(model, key, **natural):
    return model.objects.filter(source_key=key).first() or model.objects.filter(**natural).first()


class _TranslationLoader:
    def __init__(self, loader, files):
        self.loader, self.files, self.code = loader, files, files.code

    def put(self, model, english_key, values, **english):
        """Create, keep or reset one translation, as the English loader does for its items.

        `english` is {"english": the English row} for an item's translation (skipped when staff
        have deleted that row), and empty for the interface words.
        """
        if "english" in english and english["english"] is None:
            return None
        return self.loader.put(model, f"{english_key}@{self.code}", values, language=self.language, **english)

    def language_row(self):
        key = f"language:{self.code}"
        path = self.files.paths.get("language", f"translations/{self.code}/")
        given = {name: self.files.language[name] for name in LANGUAGE_FIELDS if name in self.files.language}
        existing = Language.objects.filter(code=self.code).first()
        if existing is None and key in self.loader.seeded and not self.loader.reset:
            self.loader.report.skipped_deleted.append(key)
            return None
        if existing is not None and not self.loader.reset:
            self.loader.report.kept.append(key)
            return existing
        language = existing or Language(code=self.code)
        for name, value in given.items():
            setattr(language, name, value)
        try:
            language.full_clean()
        except ValidationError as error:
            problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
            raise ContentError(f"{path}: {problems}") from None
        language.save()
        SeededItem.objects.get_or_create(key=key)
        (self.loader.report.reset if existing else self.loader.report.created).append(key)
        return language

    def load(self, leaflets, lists, pages):
        self.language = self.language_row()
        if self.language is None:
            return
        for slug, leaflet in self.files.leaflets.items():
            english = next(data for data in leaflets if data["slug"] == slug)
            # The leaflet's translation and its questions' in one version, as for the English.
            with reversion.create_revision():
                reversion.set_comment("Loaded from content/")
                self.leaflet(english, leaflet)
        for list_file in LIST_FILES:
            self.listed(list_file, lists[list_file.part], self.files.lists.get(list_file.part, []))
        for page in self.files.pages:
            english = next(data for data in pages if data["slug"] == page["slug"])
            key = f"page:{page['slug']}"
            values = _values(page, english, PageTranslation.FIELDS, _review_dates(page))
            self.put(PageTranslation, key, values, english=_english_row(Page, key, slug=page["slug"]))
        if self.files.interface:
            texts = {key: str(text).strip() for key, text in self.files.interface.items() if key in LABELS}
            english = {key: label.english for key, label in LABELS.items() if key in texts}
            english.update(self.files.interface.get(TRANSLATED_FROM) or {})
            self.put(InterfaceText, "interface", {"texts": texts, "translated_from": {"texts": english}})

    def leaflet(self, english, files):
        key = f"leaflet:{english['slug']}"
        row = _english_row(Leaflet, key, slug=english["slug"])
        english_texts = {"title": english["title"], **{name: _text(english, name) for name in LEAFLET_TEXTS}}
        if files["leaflet"] is not None:
            data = files["leaflet"]
            values = _values(data, english_texts, LeafletTranslation.FIELDS, _review_dates(data))
            self.put(LeafletTranslation, key, values, english=row)
        if row is None:
            return
        by_anchor = {question["anchor"]: question for question in english["questions"]}
        for question in files["questions"]:
            anchor = question["anchor"]
            question_key = f"question:{english['slug']}/{anchor}"
            english_question = _english_row(Question, question_key, leaflet=row, anchor=anchor)
            values = _values(question, by_anchor[anchor], QuestionTranslation.FIELDS)
            self.put(QuestionTranslation, question_key, values, english=english_question)

    def listed(self, list_file, english_items, items):
        english_by_key = {item["key"]: item for item in english_items}
        model, natural, fields = list_file.english, list_file.natural, list_file.translation.FIELDS
        for item in items:
            english = english_by_key[item["key"]]
            key = f"{list_file.key_prefix}{item['key']}"
            row = _english_row(model, key, **{natural: english[natural]})
            self.put(list_file.translation, key, _values(item, english, fields), english=row)


def load_translations(loader, translations, leaflets, lists, pages):
    """Load every language's files (read and checked by translation_files.py) with `loader`.

    `lists` is the English of each ListFile, by its part: {"boards": [dict], ...}.
    """
    for files in translations:
        _TranslationLoader(loader, files).load(leaflets, lists, pages)
