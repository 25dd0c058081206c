"""Advice for staff on writing that families can read: suggestions only, nothing is blocked."""

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import markdown
import textstat
from django.utils.html import strip_tags

from .markdown import render

# GOV.UK writes for a reading age of about 9; some of the families reading this site are there too.
TARGET_READING_AGE = 9
# Flesch-Kincaid gives a US school grade; a child in grade 1 is about 6, so add 5 for an age.
GRADE_TO_AGE = 5
# Below this, one long word swings the score so far that the number would mislead.
MIN_WORDS_TO_SCORE = 5
MAX_SENTENCE_WORDS = 25
QUOTE_WORDS = 8
MIN_CAPITALS_LETTERS = 4
VAGUE_LINK_TEXTS = frozenset(
    {"click here", "here", "this link", "link", "read more", "more", "this page", "this"}
)
# Abbreviations this site uses on purpose; written in capitals, they are not shouting.
ALLOWED_CAPITALS = frozenset({"LSCB", "LSCBs", "NSPCC", "WCAG", "NHS", "EHRC", "EASS", "CAFCASS", "GOV.UK"})

_MASK = "\x00"  # stands in for a full stop that does not end a sentence
# Stops inside e.g., GOV.UK, www.gov.uk or 2.5 end nothing; textstat would count them as sentences.
_NOT_A_FULL_STOP = re.compile(r"\b(?:e\.g|i\.e|Mrs?|Ms|Dr)\.|(?<=\w)\.(?=\w)")
# A lower-case word after a stop ("etc. and") carries the same sentence on.
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]’”]))\s+(?=[^a-z])")
_ENDS_SENTENCE = re.compile(r"[.!?][\"')\]’”]*$")
_BLOCK_TAG = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|pre|hr|br)\b[^>]*>")
_CAPITALS = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*")
_DEFINED = re.compile(r"\(([A-Z][A-Za-z.]*[A-Z])s?\)")


@dataclass(frozen=True)
class Advice:
    code: str
    message: str


@dataclass(frozen=True)
class Review:
    reading_age: int | None
    advice: tuple[Advice, ...]


class _Structure(HTMLParser):
    """The headings, links and images exactly as the author wrote them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.headings, self.links, self.images, self._open = [], [], [], {}
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attrs = dict(attrs)
            self.images.append((attrs.get("src") or "", (attrs.get("alt") or "").strip()))
        elif tag == "a" or re.fullmatch(r"h[1-6]", tag):
            self._open[tag] = []

    def handle_data(self, data):
        for chunks in self._open.values():
            chunks.append(data)

    def handle_endtag(self, tag):
        if tag in self._open:
            text = " ".join("".join(self._open.pop(tag)).split())
            if tag == "a":
                self.links.append(text)
            else:
                self.headings.append((int(tag[1]), text))


def _without_inner_full_stops(text, keep=""):
    return _NOT_A_FULL_STOP.sub(lambda match: match.group().replace(".", keep), text)


def _sentences(html):
    """Split visible text into sentences, each block (paragraph, heading, list item) ending one."""
    sentences = []
    for piece in _BLOCK_TAG.split(html):
        block = _without_inner_full_stops(" ".join(unescape(strip_tags(piece)).split()), keep=_MASK)
        if block:
            block += "" if _ENDS_SENTENCE.search(block) else "."
            sentences += [s.replace(_MASK, ".") for s in _SENTENCE_BREAK.split(block)]
    return sentences


def _words(sentence):
    return [word for word in sentence.split() if any(char.isalnum() for char in word)]


def _reading_age(sentences):
    scored = _without_inner_full_stops(" ".join(sentences))
    if len(_words(scored)) < MIN_WORDS_TO_SCORE:
        return None
    return round(textstat.flesch_kincaid_grade(scored) + GRADE_TO_AGE)


def _long_sentences(sentences):
    for sentence in sentences:
        if (count := len(_words(sentence))) > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:QUOTE_WORDS]).rstrip(",;:")
            message = f"This sentence has {count} words. Try to keep sentences to {MAX_SENTENCE_WORDS}"
            yield Advice("long-sentence", f'{message} words or fewer: "{start}…"')


def _vague_links(links):
    for text in links:
        if re.sub(r"[^\w\s]", "", text).strip().lower() in VAGUE_LINK_TEXTS:
            message = "Use words that make sense on their own, like the name of the page."
            yield Advice("vague-link", f'The link "{text}" does not say where it goes. {message}')


def _heading_levels(headings, top_heading):
    previous, top = top_heading - 1, "#" * top_heading
    for level, text in headings:
        marks, wanted = "#" * level, "#" * (previous + 1)
        if level < top_heading:
            yield Advice("heading-level", f'The heading "{text}" uses {marks}. Headings here start at {top}.')
        elif level > previous + 1 and previous < top_heading:
            yield Advice("heading-skip", f'The first heading "{text}" uses {marks}. Start with {top}.')
        elif level > previous + 1:
            message = f'The heading "{text}" jumps from {"#" * previous} to {marks}. Use {wanted}'
            yield Advice("heading-skip", f"{message} so the headings stay in order for screen reader users.")
        previous = max(level, top_heading)


def _missing_alt_text(images):
    for src in (src for src, alt in images if not alt):
        message = f'The image "{src}" has no description (alt text). Say what it shows for people'
        yield Advice("image-alt", f"{message} who cannot see it, like this: ![what the image shows]({src})")


def _capitals(text):
    allowed = ALLOWED_CAPITALS | set(_DEFINED.findall(text))
    found = [w for w in _CAPITALS.findall(text) if w.isupper() and w not in allowed]
    if shouted := list(dict.fromkeys(w for w in found if sum(map(str.isalpha, w)) >= MIN_CAPITALS_LETTERS)):
        message = "Use bold for emphasis. Give an abbreviation in full the first time, like"
        yield Advice(
            "capitals",
            f"Words in capitals are harder to read and can feel like shouting: {', '.join(shouted)}."
            f' {message} "Child Safeguarding Practice Review (CSPR)".',
        )


def review(markdown_text: str, *, top_heading: int = 3, heading_text: str = "") -> Review:
    """Advise on `markdown_text`; `heading_text` (the question above it, say) is checked for capitals only."""
    sentences = _sentences(render(markdown_text, top_heading=top_heading))
    structure = _Structure(markdown.markdown(markdown_text or "", extensions=["sane_lists"]))
    age = _reading_age(sentences)
    advice = []
    if age is not None and age > TARGET_READING_AGE:
        message = f"GOV.UK aims for about {TARGET_READING_AGE}: use shorter sentences and everyday words."
        advice.append(Advice("reading-age", f"Estimated reading age {age}. {message}"))
    advice += [
        *_long_sentences(sentences),
        *_vague_links(structure.links),
        *_heading_levels(structure.headings, top_heading),
        *_missing_alt_text(structure.images),
        *_capitals(" ".join([heading_text, *sentences])),
    ]
    return Review(reading_age=age, advice=tuple(advice))
