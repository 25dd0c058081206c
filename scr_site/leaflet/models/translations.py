"""Translations: the words families read in each of the board's languages (languages.py).

English is the source. Each translation is a row of its own, a draft like any other content:
it has history, previews and publishing, and remembers the English it was translated from
(`translated_from`), so the site can tell when the English has moved on. A field left empty
falls back to the English, marked as English for screen readers.
"""

from django.db import models
from markdownx.models import MarkdownxField

from ..markdown import render
from ..validators import validate_no_control_characters
from .content import Board, GuidanceLink, Leaflet, Page, Question
from .languages import Language
from .reviews import ReviewDates
from .site import SiteNotice


class Translation(models.Model):
    """A translation of one English item into one language."""

    language = models.ForeignKey(Language, on_delete=models.CASCADE, related_name="+")
    # The English it was translated from: {field: text}, as published when the translation was made.
    translated_from = models.JSONField(default=dict, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    # The English item's fields this translates, by the same names; set on each kind.
    FIELDS = ()
    # Markdown fields, rendered to HTML on save as the English ones are.
    MARKDOWN = {}
    # What translators' files (segment ids: board/3/name) and content/ keys (board:peterborough)
    # call the English item this translates. Never changes: files in use carry it.
    KIND = ""
    # Where each field families read appears, told to a translator beside its English.
    WHERE = {}

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.english} ({self.language.name or self.language.code})"

    def save(self, *args, **kwargs):
        for field, top_heading in self.MARKDOWN.items():
            setattr(self, f"{field}_html", render(getattr(self, field), top_heading=top_heading))
        super().save(*args, **kwargs)

    @classmethod
    def english_model(cls):
        return cls._meta.get_field("english").related_model

    def stale_fields(self, english_now):
        """The texts this fills whose English has changed since: [(name, English then, English now)].

        `english_now` is the English as it is published now, {field: text}. A change to a text
        this leaves empty (so shows in English anyway) makes nothing stale. Read by the public
        pages (to date a change) and by staff's out-of-date lists.
        """
        before = self.translated_from or {}
        return [
            (name, before.get(name) or "", english_now.get(name) or "")
            for name in self.FIELDS
            if getattr(self, name) and (before.get(name) or "") != (english_now.get(name) or "")
        ]


def _unique(name):
    return [models.UniqueConstraint(fields=["english", "language"], name=name)]


BLANK_FALLS_BACK = "Leave empty to show the English."
ONE_LINE = [validate_no_control_characters]


class LeafletTranslation(ReviewDates, Translation):
    english = models.ForeignKey(Leaflet, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=200, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="For search results and link previews; keep it under 160 characters. " + BLANK_FALLS_BACK,
    )
    introduction = MarkdownxField(blank=True, help_text=BLANK_FALLS_BACK)
    introduction_html = models.TextField(blank=True, editable=False)
    closing_text = MarkdownxField("text before the contacts", blank=True, help_text=BLANK_FALLS_BACK)
    closing_text_html = models.TextField(blank=True, editable=False)
    further_reading = MarkdownxField("text before the guidance links", blank=True, help_text=BLANK_FALLS_BACK)
    further_reading_html = models.TextField(blank=True, editable=False)

    FIELDS = ("title", "summary", "introduction", "closing_text", "further_reading")
    MARKDOWN = {"introduction": 3, "closing_text": 3, "further_reading": 3}
    KIND = "leaflet"
    WHERE = {
        "title": "Heading: the leaflet's title, the main heading of its page",
        "summary": "Summary of the leaflet, for search engines and link previews",
        "introduction": "Text under the leaflet's title, before the list of questions",
        "closing_text": "Text after the last question, just before the boards' contact details",
        "further_reading": "Text just before the list of guidance documents",
    }

    class Meta:
        constraints = _unique("one_leaflet_translation_per_language")
        ordering = ["language", "english"]


class QuestionTranslation(Translation):
    english = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="translations")
    question = models.CharField(max_length=300, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)
    answer = MarkdownxField(blank=True, help_text=BLANK_FALLS_BACK)
    answer_html = models.TextField(blank=True, editable=False)

    FIELDS = ("question", "answer")
    MARKDOWN = {"answer": 3}
    KIND = "question"
    WHERE = {
        "question": "Heading: a question in the leaflet, also listed under “Contents”",
        "answer": "Answer: the text under the question's heading",
    }

    class Meta:
        constraints = _unique("one_question_translation_per_language")
        ordering = ["language", "english__order", "english"]


class BoardTranslation(Translation):
    """Only the board's name is translated: its address, telephone and email stay as they are."""

    english = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=300, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)

    FIELDS = ("name",)
    KIND = "board"
    WHERE = {"name": "Heading: a board's name, above its address, telephone and email (not translated)"}

    class Meta:
        constraints = _unique("one_board_translation_per_language")
        ordering = ["language", "english"]


class GuidanceLinkTranslation(Translation):
    english = models.ForeignKey(GuidanceLink, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=300, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)
    description = models.CharField(max_length=400, blank=True, help_text=BLANK_FALLS_BACK)

    FIELDS = ("title", "description")
    KIND = "guidance"
    WHERE = {
        "title": "Link: the words of a link to a government guidance document",
        "description": "Text: one sentence under that link",
    }

    class Meta:
        constraints = _unique("one_guidance_link_translation_per_language")
        ordering = ["language", "english"]


class PageTranslation(ReviewDates, Translation):
    english = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=200, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)
    summary = models.CharField(max_length=400, blank=True, help_text=BLANK_FALLS_BACK)
    body = MarkdownxField(blank=True, help_text=BLANK_FALLS_BACK)
    body_html = models.TextField(blank=True, editable=False)

    FIELDS = ("title", "summary", "body")
    MARKDOWN = {"body": 2}
    KIND = "page"
    WHERE = {
        "title": "Heading: a page's title, also its link at the foot of every page",
        "summary": "Summary of the page, for search engines and link previews",
        "body": "The page's text",
    }

    class Meta:
        constraints = _unique("one_page_translation_per_language")
        ordering = ["language", "english"]


class SiteNoticeTranslation(Translation):
    """A notice's words in another language. Like the notice itself it shows as soon as it is saved."""

    english = models.ForeignKey(SiteNotice, on_delete=models.CASCADE, related_name="translations")
    message = MarkdownxField(blank=True, help_text=BLANK_FALLS_BACK)
    message_html = models.TextField(blank=True, editable=False)

    FIELDS = ("message",)
    MARKDOWN = {"message": 7}

    class Meta:
        constraints = _unique("one_notice_translation_per_language")
        ordering = ["language", "english"]


class InterfaceText(Translation):
    """The words around the content in one language: "Contents", "Exit this page", the 404 page..."""

    texts = models.JSONField(default=dict, blank=True)

    FIELDS = ("texts",)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language"], name="one_interface_text_per_language")]
        verbose_name = "interface text"
        verbose_name_plural = "interface texts"

    def __str__(self):
        return f"Interface text ({self.language.name or self.language.code})"

    def stale_fields(self, english_now):
        """Each label this translates whose English has changed since: [(label, then, now)]."""
        before = (self.translated_from or {}).get("texts") or {}
        now = english_now.get("texts") or {}
        return [
            (key, before.get(key, ""), now.get(key, ""))
            for key, text in (self.texts or {}).items()
            if text and before.get(key, "") != now.get(key, "")
        ]
