"""Reading translations from content/ into plain dictionaries, checked against the English files.

content/
    translations/<code>/language.yaml          the language: name (in itself), name_in_english,
                                                direction (ltr or rtl), offered, order. Optional
                                                when Django knows the code.
    translations/<code>/boards.yaml            boards' names: a list of key (as in boards.yaml), name
    translations/<code>/guidance.yaml          guidance links: a list of key, title, description
    translations/<code>/interface.yaml         interface words: label: text (see interface.py)
    leaflets/<slug>/translations/<code>/leaflet.yaml      the leaflet's title and longer texts
    leaflets/<slug>/translations/<code>/questions/*.md    a header with the English question's
                                                          anchor and the question, then the answer
    pages/translations/<code>/*.md             a header with the English page's slug, title and
                                                summary, then the page's text

A translation may leave out any text: families see the English there. Any file may give
`translated_from`, the English it was translated from ({field: text}), where that is not the
English in these files; export_content writes it for translations the English has moved on from.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from ..interface import LABELS
from ..models import Board, GuidanceLink
from ..models.languages import LANGUAGE_CODE, TEST_LANGUAGES
from ..registry import translation_of
from .files import ContentError, load_yaml, read_front_matter, read_list, require

TRANSLATED_FROM = "translated_from"


@dataclass(frozen=True)
class ListFile:
    """English items content/ keeps in one list (boards.yaml), translated in translations/<code>/<part>.yaml.

    Each translated item names its English item by `key`; `natural` is the English field an
    item is found by when it was made before it had one.
    """

    part: str
    english: type
    natural: str
    required: tuple = ("key",)

    @property
    def translation(self):
        return translation_of(self.english)

    @property
    def key_prefix(self):
        return f"{self.translation.KIND}:"


LIST_FILES = (ListFile("boards", Board, "name", ("key", "name")), ListFile("guidance", GuidanceLink, "title"))
LANGUAGE_FILES = ["language.yaml", *(f"{list_file.part}.yaml" for list_file in LIST_FILES), "interface.yaml"]


@dataclass
class LanguageFiles:
    """Everything content/ holds in one language."""

    code: str
    language: dict = field(default_factory=dict)
    # {English leaflet slug: {"leaflet": dict or None, "questions": [dict]}}
    leaflets: dict = field(default_factory=dict)
    pages: list = field(default_factory=list)
    # {ListFile part ("boards"): [dict]}
    lists: dict = field(default_factory=dict)
    interface: dict = field(default_factory=dict)
    # Where each part was read from, for messages: {part: path}.
    paths: dict = field(default_factory=dict)


def _code(folder):
    code = folder.name
    try:
        LANGUAGE_CODE(code)
    except ValidationError:
        raise ContentError(
            f"{folder}: “{code}” is not a language code (use lower case, for example pl or zh-hans)"
        ) from None
    if code in TEST_LANGUAGES:
        raise ContentError(
            f"{folder}: {code} is kept for the pseudo-translations that pseudo_translate makes"
        )
    if code == "en" or code.startswith("en-"):
        raise ContentError(f"{folder}: English is the language everything is translated from")
    return code


def _language_folders(root):
    return sorted(path for path in Path(root).glob("*") if path.is_dir()) if Path(root).is_dir() else []


def _translated_from(data, path):
    given = data.get(TRANSLATED_FROM) or {}
    if not isinstance(given, dict) or not all(isinstance(text, str) for text in given.values()):
        raise ContentError(f"{path}: translated_from must be a set of 'name: English text' lines")
    return given


def _read_language_folder(files, folder):
    language_file = folder / "language.yaml"
    if language_file.is_file():
        files.language = load_yaml(language_file) or {}
        require(files.language, [], language_file)
        files.paths["language"] = language_file
    for list_file in LIST_FILES:
        path = folder / f"{list_file.part}.yaml"
        if path.is_file():
            files.lists[list_file.part] = read_list(path, list(list_file.required))
            files.paths[list_file.part] = path
    interface = folder / "interface.yaml"
    if interface.is_file():
        files.interface = require(load_yaml(interface) or {}, [], interface)
        files.paths["interface"] = interface


def _read_leaflet_folder(files, folder, slug):
    leaflet_file = folder / "leaflet.yaml"
    leaflet = require(load_yaml(leaflet_file) or {}, [], leaflet_file) if leaflet_file.is_file() else None
    questions = []
    for path in sorted((folder / "questions").glob("*.md")):
        header, answer = read_front_matter(path)
        question = require(header, ["anchor"], path)
        questions.append({**question, "answer": answer, "path": path})
    files.leaflets[slug] = {"leaflet": leaflet, "questions": questions, "path": leaflet_file}


def read_translations(content_dir):
    """Every language's files in `content_dir`, as LanguageFiles in code order."""
    content_dir = Path(content_dir)
    languages = {}

    def files_for(folder):
        code = _code(folder)
        return languages.setdefault(code, LanguageFiles(code))

    for folder in _language_folders(content_dir / "translations"):
        _read_language_folder(files_for(folder), folder)
    for leaflet_folder in _language_folders(content_dir / "leaflets"):
        for folder in _language_folders(leaflet_folder / "translations"):
            slug = require(
                load_yaml(leaflet_folder / "leaflet.yaml"), ["slug"], leaflet_folder / "leaflet.yaml"
            )
            _read_leaflet_folder(files_for(folder), folder, slug["slug"])
    for folder in _language_folders(content_dir / "pages" / "translations"):
        files = files_for(folder)
        for path in sorted(folder.glob("*.md")):
            header, body = read_front_matter(path)
            files.pages.append({**require(header, ["slug"], path), "body": body, "path": path})
    return [languages[code] for code in sorted(languages)]


def translation_files_in(folder):
    """Every file in `folder` that read_translations would read."""
    folder = Path(folder)
    return [
        *[path for name in LANGUAGE_FILES for path in folder.glob(f"translations/*/{name}")],
        *folder.glob("leaflets/*/translations/*/leaflet.yaml"),
        *folder.glob("leaflets/*/translations/*/questions/*.md"),
        *folder.glob("pages/translations/*/*.md"),
    ]


def _known(found, known, what, path):
    if found not in known:
        raise ContentError(f"{path}: there is no English {what} “{found}” in content/")


def check_against_english(translations, leaflets, lists, pages):
    """Refuse, naming the file, any translation of English that content/ does not have.

    `lists` is the English of each ListFile, by its part: {"boards": [dict], ...}.
    """
    questions = {leaflet["slug"]: {q["anchor"] for q in leaflet["questions"]} for leaflet in leaflets}
    for files in translations:
        for slug, leaflet in files.leaflets.items():
            for question in leaflet["questions"]:
                _known(
                    question["anchor"],
                    questions.get(slug, set()),
                    "question with the anchor",
                    question["path"],
                )
                _translated_from(question, question["path"])
            if leaflet["leaflet"] is not None:
                _translated_from(leaflet["leaflet"], leaflet["path"])
        for page in files.pages:
            _known(page["slug"], {p["slug"] for p in pages}, "page with the slug", page["path"])
            _translated_from(page, page["path"])
        for part in (list_file.part for list_file in LIST_FILES):
            english_keys = {item["key"] for item in lists[part]}
            for item in files.lists.get(part, []):
                _known(item["key"], english_keys, f"{part} item with the key", files.paths[part])
                _translated_from(item, files.paths[part])
        _check_interface(files)


def _check_interface(files):
    if not files.interface:
        return
    path = files.paths["interface"]
    for key, text in files.interface.items():
        if key == TRANSLATED_FROM:
            _translated_from(files.interface, path)
            continue
        if key not in LABELS:
            raise ContentError(f"{path}: there is no interface label called “{key}”")
        if not isinstance(text, str):
            raise ContentError(f"{path}: {key} must be text")
        limit = LABELS[key].max_length
        if limit and len(text) > limit:
            raise ContentError(f"{path}: {key} is {len(text)} characters long; the limit is {limit}")
