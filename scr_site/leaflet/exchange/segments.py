"""Every piece of text a translator can translate, and which of them a language still needs.

A segment is one field of one English item, or one interface label. Its id names both and
never changes while the item exists: `question/12/answer`, `page/3/title`, `label/contents`.
Site notices are not included: they are short-lived and show as soon as they are saved,
so a file could not bring them back as drafts; staff translate them in the admin.
"""

import re
from dataclasses import dataclass

from ..interface import LABELS
from ..models import Board, GuidanceLink, InterfaceText, Leaflet, Page, Question
from ..models.published import PublishedSite
from ..registry import ENGLISH, ITEM_TRANSLATIONS

LABEL = "label"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@dataclass(frozen=True)
class Kind:
    """One kind of English item, as its segments name it, and where each of its fields appears.

    Each is made from its translation model's KIND and WHERE: every item translation the
    registry lists is offered to translators.
    """

    name: str
    model: type
    where: dict

    @property
    def english_model(self):
        return self.model.english_model()


KINDS = {model.KIND: Kind(model.KIND, model, model.WHERE) for model in ITEM_TRANSLATIONS}
KIND_OF = {kind.english_model: kind for kind in KINDS.values()}


class UnknownSegment(Exception):
    """A segment id that names nothing on this site."""


@dataclass(frozen=True)
class Place:
    """What a segment id names: a field of an English item, or an interface label (kind None)."""

    kind: Kind | None
    english_pk: int | None
    field: str

    @property
    def id(self):
        if self.kind is None:
            return f"{LABEL}/{self.field}"
        return f"{self.kind.name}/{self.english_pk}/{self.field}"

    @property
    def limit(self):
        if self.kind is None:
            return LABELS[self.field].max_length
        return self.kind.model._meta.get_field(self.field).max_length

    @property
    def markdown_heading(self):
        """The top heading level the text is rendered with, or None when it is not Markdown."""
        return None if self.kind is None else self.kind.model.MARKDOWN.get(self.field)

    @property
    def where(self):
        if self.kind is None:
            return f"Label: {LABELS[self.field].where}"
        return self.kind.where[self.field]


def place_of(segment_id):
    """The Place a segment id names; UnknownSegment if it names nothing on this site."""
    parts = str(segment_id).split("/")
    if len(parts) == 2 and parts[0] == LABEL:
        if parts[1] not in LABELS:
            raise UnknownSegment(f"there is no interface label called “{parts[1]}”")
        return Place(None, None, parts[1])
    if len(parts) != 3 or parts[0] not in KINDS or not parts[1].isascii() or not parts[1].isdigit():
        raise UnknownSegment("this is not a segment id the site makes (for example question/12/answer)")
    kind, pk, field = KINDS[parts[0]], int(parts[1]), parts[2]
    if field not in kind.where:
        raise UnknownSegment(f"a {kind.name} has no text called “{field}” to translate")
    if not kind.english_model.objects.filter(pk=pk).exists():
        raise UnknownSegment(
            f"there is no {kind.name} {pk} on this site (it may have been deleted since the file was made)"
        )
    return Place(kind, pk, field)


@dataclass(frozen=True)
class Segment:
    """A segment that needs translating, with what the translator needs to know."""

    place: Place
    english: str
    context: str = ""
    # For a translation the English has moved on from: what it said, and the English it was made from.
    translation_before: str = ""
    english_before: str = ""

    @property
    def id(self):
        return self.place.id

    @property
    def note(self):
        where = f"{self.place.where} ({self.context})" if self.context else self.place.where
        parts = [f"{where}."]
        if self.place.markdown_heading is not None:
            parts.append(
                "Written in Markdown: keep each **bold term**, each [link](address) with its address, "
                "each list item and each # heading mark; translate only the words."
            )
        placeholders = sorted(set(PLACEHOLDER.findall(self.english)))
        if placeholders:
            parts.append(f"Keep {', '.join(placeholders)} exactly as it is.")
        if self.place.limit:
            parts.append(f"Up to {self.place.limit} characters.")
        return " ".join(parts)


def _visible(item, leaflets_shown):
    if getattr(item, "show_to_families", True) is False:
        return False
    return not isinstance(item, Question) or item.leaflet_id in leaflets_shown


def _context(item):
    if isinstance(item, Question):
        return f"the question “{item.question}”"
    if isinstance(item, Page):
        return f"the page “{item.title}”"
    if isinstance(item, Board):
        return f"the board “{item.name}”"
    if isinstance(item, GuidanceLink):
        return f"the link to {item.url}"
    return f"the leaflet “{item.title}”"


def _needed(place, english, translation_text, translated_from, context):
    """The segment if the text is missing, empty or translated from an English that has changed since."""
    if not english.strip():
        return None
    if not translation_text:
        return Segment(place, english, context)
    if translated_from != english:
        return Segment(place, english, context, translation_text, translated_from or "")
    return None


def published_english():
    """The English families see, in reading order: [(kind, item)], hidden items left out."""
    # Each leaflet followed by its questions, then the rest in the registry's (reading) order.
    site = PublishedSite(models=ENGLISH)
    leaflets_shown = {leaflet.pk for leaflet in site.items(Leaflet) if leaflet.show_to_families}
    found = []
    for leaflet in site.items(Leaflet):
        found.append(leaflet)
        found += site.items(Question, leaflet_id=leaflet.pk)
    for model in ENGLISH:
        if model not in (Leaflet, Question):
            found += site.items(model)
    return [(KIND_OF[type(item)], item) for item in found if _visible(item, leaflets_shown)]


def segments_to_translate(language):
    """Every segment `language` still needs: new, empty, or out of date with the published English."""
    translations = {
        (kind.name, row.english_id): row
        for kind in KINDS.values()
        for row in kind.model.objects.filter(language=language)
    }
    found = []
    for kind, item in published_english():
        row = translations.get((kind.name, item.pk))
        for field in kind.where:
            segment = _needed(
                Place(kind, item.pk, field),
                getattr(item, field) or "",
                getattr(row, field, "") if row else "",
                (row.translated_from or {}).get(field) if row else None,
                _context(item),
            )
            if segment is not None:
                found.append(segment)
    interface = InterfaceText.objects.filter(language=language).first()
    texts = (interface.texts or {}) if interface else {}
    translated_from = ((interface.translated_from or {}).get("texts") or {}) if interface else {}
    for key, label in LABELS.items():
        segment = _needed(
            Place(None, None, key), label.english, texts.get(key, ""), translated_from.get(key), ""
        )
        if segment is not None:
            found.append(segment)
    return found
