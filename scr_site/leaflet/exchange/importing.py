"""Bringing an agency's file back: checked as a whole, then saved as drafts in one version.

Nothing is published. The whole file is refused, and nothing saved, if anything in it is
wrong; each problem names its segment. A translation remembers the English given in the
file as the English it was translated from, so one made from an English that has changed
since stays marked out of date.
"""

import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from reversion.errors import RevertError
from reversion.models import Version

from ..drafts import activity
from ..interface import LABELS
from ..models import InterfaceText, Language
from ..models.published import published_copy
from . import xliff
from .checks import problems_with
from .segments import UnknownSegment, place_of

MAX_FILE_BYTES = 2 * 1024 * 1024
# Enough to act on; a file with more problems than this is usually the wrong file.
MAX_PROBLEMS_LISTED = 30
# The whole site is a few hundred segments; checking each one costs a few queries.
MAX_SEGMENTS = 5000


class ImportRefused(Exception):
    """The file was refused and nothing was saved. `problems` says why, one line each."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = list(problems)


@dataclass
class Accepted:
    place: object
    text: str
    english: str


@dataclass
class ImportResult:
    language: Language
    segments: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    comment: str = ""


def file_label(name):
    """The file's own name, safe to show and to keep in the history."""
    base = PurePath(str(name or "")).name or "translation file"
    printable = "".join(char for char in base if unicodedata.category(char)[0] not in "CZ" or char == " ")
    return printable[:120] or "translation file"


def _norm(text):
    return (text or "").replace("\r\n", "\n").strip()


def _one_line(text):
    return " ".join(text.split())


def _language_of(returned, language):
    """The Language the file is for, checked against the one it is being imported into, if given."""
    if any(code.split("-")[0] != xliff.SOURCE_LANGUAGE for code in returned.source_languages):
        found = ", ".join(sorted(code or "(none)" for code in returned.source_languages))
        raise ImportRefused([f"The file translates from “{found}”, not from English (en)."])
    codes = returned.target_languages
    if language is not None:
        wrong = sorted(code or "(none)" for code in codes if not xliff.same_language(code, language.code))
        if wrong:
            raise ImportRefused(
                [f"The file is for the language “{', '.join(wrong)}”, not {language.name} ({language.code})."]
            )
        return language
    if len(codes) != 1 or not next(iter(codes)):
        raise ImportRefused(["The file must be for one language, named in target-language on its <file>."])
    code = next(iter(codes))
    found = [lang for lang in Language.objects.all() if xliff.same_language(code, lang.code)]
    if not found:
        raise ImportRefused(
            [f"There is no language “{code}” on this site. A Publisher adds it in the admin first."]
        )
    return found[0]


def _english_texts(place):
    """Every English this text has had: now (draft and published) and in each saved version."""
    if place.kind is None:
        yield LABELS[place.field].english
        return
    model = place.kind.english_model
    item = model.objects.get(pk=place.english_pk)
    copy = published_copy(item)
    if copy is not None:
        yield copy.data.get(place.field, "")
    yield getattr(item, place.field)
    for version in Version.objects.get_for_object_reference(model, place.english_pk):
        try:
            yield version.field_dict.get(place.field) or ""
        except RevertError:  # a version saved before the model last changed shape
            continue


def _check_unit(unit, language, seen):
    """(Accepted or None, [problems]) for one unit; None when it has no translation to bring in."""
    name = unit.id or f"segment number {unit.number} (it has no id)"
    if not unit.id:
        return None, [f"{name}: every segment needs its id"]
    if unit.id in seen:
        return None, [f"{name}: this segment is in the file twice"]
    seen.add(unit.id)
    try:
        place = place_of(unit.id)
    except UnknownSegment as error:
        return None, [f"{name}: {error}"]
    if unit.target is None or not unit.target.strip():
        return None, []
    if unit.target_language and not xliff.same_language(unit.target_language, language.code):
        return None, [f"{name}: its translation is marked as “{unit.target_language}”, not {language.code}"]
    if unit.has_markup:
        return None, [f"{name}: the translation contains XML tags; it must be plain text"]
    english = next((text for text in _english_texts(place) if _norm(text) == _norm(unit.source)), None)
    if english is None or not _norm(unit.source):
        return None, [
            f"{name}: the English in the file is not the English of this text, now or before. "
            "Export a new file rather than editing the English in one"
        ]
    text = _norm(unit.target) if place.markdown_heading is not None else _one_line(unit.target)
    problems = problems_with(place, english, text)
    return Accepted(place, text, english), [f"{name}: {problem}" for problem in problems]


def check(data, language=None):
    """(Language, [Accepted]) for a returned file, or ImportRefused with every problem found."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(
            [
                f"The file is {len(data) / 1024 / 1024:.1f} MB. A translation file for this site is far "
                f"smaller (the limit is {MAX_FILE_BYTES // 1024 // 1024} MB): check it is the right file."
            ]
        )
    try:
        returned = xliff.read(data)
    except xliff.UnreadableFile as error:
        raise ImportRefused([str(error)]) from None
    language = _language_of(returned, language)
    if language.is_test:
        raise ImportRefused(
            [f"{language.name} is a test language, made by pseudo_translate; it takes no files."]
        )
    if not returned.units:
        raise ImportRefused(["The file has no segments."])
    if len(returned.units) > MAX_SEGMENTS:
        raise ImportRefused(
            [
                f"The file has {len(returned.units)} segments, far more than this site has: "
                "check it is the right file."
            ]
        )
    accepted, problems, seen = [], [], set()
    for unit in returned.units:
        found, unit_problems = _check_unit(unit, language, seen)
        problems += unit_problems
        if found is not None:
            accepted.append(found)
    if problems:
        extra = len(problems) - MAX_PROBLEMS_LISTED
        listed = problems[:MAX_PROBLEMS_LISTED]
        raise ImportRefused(listed + ([f"… and {extra} more."] if extra > 0 else []))
    if not accepted:
        raise ImportRefused(
            ["No segment in the file has a translation yet, so there is nothing to bring in."]
        )
    return language, accepted


def _row_for(place, language, rows):
    key = (place.kind.name, place.english_pk) if place.kind else ("label", None)
    if key not in rows:
        model = place.kind.model if place.kind else InterfaceText
        lookup = {"english_id": place.english_pk} if place.kind else {}
        row = model.objects.select_for_update().filter(language=language, **lookup).first()
        rows[key] = row or model(language=language, **lookup)
    return rows[key]


def _put(row, accepted):
    translated_from = dict(row.translated_from or {})
    if accepted.place.kind is None:
        row.texts = {**(row.texts or {}), accepted.place.field: accepted.text}
        translated_from["texts"] = {
            **(translated_from.get("texts") or {}),
            accepted.place.field: accepted.english,
        }
    else:
        setattr(row, accepted.place.field, accepted.text)
        translated_from[accepted.place.field] = accepted.english
    row.translated_from = translated_from


def import_translation(data, filename, user, language=None):
    """Check the file and save its translations as drafts, in one version; return an ImportResult."""
    language, accepted = check(data, language)
    result = ImportResult(language, comment=f"Imported from the translation file “{file_label(filename)}”.")
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(result.comment)
        rows = {}
        for item in accepted:
            _put(_row_for(item.place, language, rows), item)
            result.segments.append(item.place.id)
        for row in rows.values():
            try:
                row.full_clean(validate_unique=False)
            except ValidationError as error:
                raise ImportRefused([f"{row}: {' '.join(error.messages)}"]) from None
            row.save()
            activity.record(row, user, activity.Kind.IMPORTED, result.comment)
        result.rows = list(rows.values())
    return result
