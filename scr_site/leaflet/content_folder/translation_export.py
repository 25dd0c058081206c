"""Writing the published translations out in the content/ format (see translation_files.py).

Only published translations of published English are written, with the same keys, slugs
and question file names as the English export, so load_content matches them up again.
A translation the English has moved on from keeps the English it was made from, in
`translated_from`, so a site rebuilt from the export still says it is out of date.
"""

from ..interface import LABELS
from ..models import (
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    QuestionTranslation,
)
from ..models.published import PublishedSite, copies_of
from ..registry import ENGLISH, PUBLISHED_TRANSLATIONS
from .translation_files import LIST_FILES, TRANSLATED_FROM
from .writing import dump_yaml, list_keys, markdown_file, question_files, without_empty

_LANGUAGE_NOTE = "# The language; its folder's name is its code, which is also its web address.\n"
_KEY_NOTE = '# "key" is the English item\'s key (see boards.yaml and guidance.yaml); never change it.\n'
_INTERFACE_NOTE = "# The words around the content, by the names in scr_site/leaflet/interface.py.\n"


def _stale(translation, english, fields):
    """{field: English it was translated from} where that is not the English now."""
    translated_from = translation.translated_from or {}
    return {
        name: translated_from.get(name) or ""
        for name in fields
        if getattr(translation, name) and (translated_from.get(name) or "") != (getattr(english, name) or "")
    }


def _with_translated_from(data, stale):
    data = without_empty(data)
    if stale:
        data[TRANSLATED_FROM] = stale
    return data


def _published_translations(model):
    """{language id: {English item's id: published translation}}.

    Read from the published copies directly: PublishedSite orders items by their model's
    ordering, which for translations names related rows that cannot be compared.
    """
    found = {}
    for copy in copies_of(model):
        row = copy.as_instance()
        found.setdefault(row.language_id, {})[getattr(row, "english_id", None)] = row
    return found


class _LanguageExport:
    def __init__(self, language, site, translations):
        self.language, self.site, self.translations = language, site, translations
        self.code = language.code

    def rows(self, model):
        return self.translations[model].get(self.language.pk, {})

    def files(self):
        language = self.language
        header = {
            "name": language.name,
            "name_in_english": language.name_in_english,
            "direction": language.direction,
            "offered": language.offered,
            "order": language.order,
        }
        files = {f"translations/{self.code}/language.yaml": _LANGUAGE_NOTE + dump_yaml(header)}
        for leaflet in self.site.items(Leaflet):
            files.update(self.leaflet_files(leaflet))
        for list_file in LIST_FILES:
            files.update(self.listed(list_file))
        pages = self.rows(PageTranslation)
        for page in self.site.items(Page):
            if page.pk in pages:
                files.update(self.page_file(page, pages[page.pk]))
        files.update(self.interface_file())
        return files

    def leaflet_files(self, leaflet):
        folder = f"leaflets/{leaflet.slug}/translations/{self.code}"
        files = {}
        translation = self.rows(LeafletTranslation).get(leaflet.pk)
        if translation is not None:
            fields = LeafletTranslation.FIELDS
            header = {name: getattr(translation, name) for name in fields}
            header.update(
                last_reviewed=translation.last_reviewed_on, review_contact=translation.review_contact
            )
            data = _with_translated_from(header, _stale(translation, leaflet, fields))
            files[f"{folder}/leaflet.yaml"] = dump_yaml(data)
        questions = self.rows(QuestionTranslation)
        for question, anchor, name in question_files(leaflet):
            row = questions.get(question.pk)
            if row is None or not (row.question or row.answer):
                continue
            header = {"anchor": anchor, "question": row.question}
            header = _with_translated_from(header, _stale(row, question, QuestionTranslation.FIELDS))
            files[f"{folder}/questions/{name}"] = markdown_file(header, row.answer)
        return files

    def listed(self, list_file):
        model, fields = list_file.english, list_file.translation.FIELDS
        english = self.site.items(model)
        keys = list_keys(model, english, list_file.key_prefix, lambda item: getattr(item, list_file.natural))
        rows = self.rows(list_file.translation)
        items = []
        for key, item in zip(keys, english, strict=True):
            row = rows.get(item.pk)
            if row is not None and any(getattr(row, name) for name in fields):
                data = {"key": key, **{name: getattr(row, name) for name in fields}}
                items.append(_with_translated_from(data, _stale(row, item, fields)))
        if not items:
            return {}
        return {f"translations/{self.code}/{list_file.part}.yaml": _KEY_NOTE + dump_yaml(items)}

    def page_file(self, page, row):
        header = {
            "slug": page.slug,
            "title": row.title,
            "summary": row.summary,
            "last_reviewed": row.last_reviewed_on,
            "review_contact": row.review_contact,
        }
        header = _with_translated_from(header, _stale(row, page, PageTranslation.FIELDS))
        return {f"pages/translations/{self.code}/{page.slug}.md": markdown_file(header, row.body)}

    def interface_file(self):
        row = self.rows(InterfaceText).get(None)
        texts = {
            key: text for key, text in ((row.texts or {}) if row else {}).items() if key in LABELS and text
        }
        if not texts:
            return {}
        translated_from = (row.translated_from or {}).get("texts") or {}
        stale = {
            key: translated_from.get(key) or ""
            for key in texts
            if (translated_from.get(key) or "") != LABELS[key].english
        }
        data = _with_translated_from(texts, stale)
        return {f"translations/{self.code}/interface.yaml": _INTERFACE_NOTE + dump_yaml(data)}


def translation_files():
    """Every translation file of the export, as {path inside the folder: text}; no test languages."""
    site = PublishedSite(models=ENGLISH)
    translations = {model: _published_translations(model) for model in PUBLISHED_TRANSLATIONS}
    files = {}
    for language in Language.objects.real():
        files.update(_LanguageExport(language, site, translations).files())
    return files
