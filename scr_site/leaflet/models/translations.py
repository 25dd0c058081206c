"""Translations: the languages the board offers, and the words families read in each.

English is the source. Each translation is a row of its own, a draft like any other content:
it has history, previews and publishing, and remembers the English it was translated from
(`translated_from`), so the site can tell when the English has moved on. A field left empty
falls back to the English, marked as English for screen readers.
"""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from markdownx.models import MarkdownxField

from ..markdown import render
from ..validators import validate_no_control_characters
from .content import Board, GuidanceLink, Leaflet, Page, Question
from .reviews import ReviewDates
from .site import SiteNotice

# Lower-case BCP 47, as used in web addresses: pl, ur, pa, zh-hans.
LANGUAGE_CODE = RegexValidator(
    r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$",
    "Use the language's short code in lower case letters, for example pl, ur or pa (zh-hans for a variant).",
)
# Test languages made from the English by `pseudo_translate`: for checking layouts, never published.
# Their codes are the pseudo-locales browsers and phones use for the same purpose.
TEST_LANGUAGES = {
    "en-xa": ("Ƥšéûđö áççéñţéđ (test)", "Pseudo-translation: accented and longer", "ltr"),
    "ar-xb": ("Pseudo mirrored (test)", "Pseudo-translation: right to left", "rtl"),
}


def known_language(code):
    """Django's facts about a language code (name, name in the language itself, direction), if any."""
    info = LANG_INFO.get(code, {})
    if "fallback" in info:
        info = LANG_INFO.get(info["fallback"][0], {})
    return info


class LanguageQuerySet(models.QuerySet):
    def real(self):
        return self.filter(is_test=False)


class Language(models.Model):
    class Direction(models.TextChoices):
        LTR = "ltr", "Left to right"
        RTL = "rtl", "Right to left (for example Urdu or Arabic)"

    code = models.CharField(
        "language code",
        max_length=20,
        unique=True,
        validators=[LANGUAGE_CODE],
        help_text="The language's short code, which is also its web address: pl for Polish (at /pl/), "
        "ur for Urdu, pa for Punjabi, cs for Czech, lv for Latvian, lt for Lithuanian.",
    )
    name = models.CharField(
        "name in the language itself",
        max_length=60,
        blank=True,
        help_text="How its speakers write its name, for example Polski, اردو or ਪੰਜਾਬੀ. This is how it is "
        "listed to families. Filled in from the code if left empty, where the code is known.",
    )
    name_in_english = models.CharField(
        max_length=60,
        blank=True,
        help_text="For staff lists, for example Polish. Filled in from the code if left empty.",
    )
    direction = models.CharField(
        max_length=3,
        choices=Direction.choices,
        blank=True,
        help_text="Which way its script runs. Filled in from the code if left empty, where it is known.",
    )
    offered = models.BooleanField(
        "offer to families",
        default=False,
        help_text="List this language in the language links on every page. It is listed only once something "
        "in it has been published.",
    )
    is_test = models.BooleanField(default=False, editable=False)
    order = models.PositiveIntegerField(default=0, help_text="Languages are listed from the lowest up.")

    objects = LanguageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return f"{self.name_in_english or self.code} ({self.name})" if self.name else self.code

    def save(self, *args, **kwargs):
        info = known_language(self.code)
        if not self.name and info:
            local = info.get("name_local", "")
            self.name = local[:1].upper() + local[1:]
        if not self.name_in_english:
            self.name_in_english = info.get("name", "")
        if not self.direction:
            self.direction = self.Direction.RTL if info.get("bidi") else self.Direction.LTR
        super().save(*args, **kwargs)

    def clean(self):
        self.code = (self.code or "").strip().lower()
        if self.code in TEST_LANGUAGES and not self.is_test:
            raise ValidationError({"code": "This code is kept for the test pseudo-translations."})
        if (self.code == "en" or self.code.startswith("en-")) and not self.is_test:
            raise ValidationError({"code": "English is the language everything is translated from."})
        if Page.objects.filter(slug=self.code).exists():
            raise ValidationError(
                {"code": f"A page already uses the address /{self.code}/: change its address first."}
            )
        info = known_language(self.code)
        if not info and not (self.name and self.direction):
            raise ValidationError(
                {"name": "The site does not know this code: type the language's own name and its direction."}
            )

    @property
    def is_rtl(self):
        return self.direction == self.Direction.RTL


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

    class Meta:
        constraints = _unique("one_question_translation_per_language")
        ordering = ["language", "english__order", "english"]


class BoardTranslation(Translation):
    """Only the board's name is translated: its address, telephone and email stay as they are."""

    english = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=300, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)

    FIELDS = ("name",)

    class Meta:
        constraints = _unique("one_board_translation_per_language")
        ordering = ["language", "english"]


class GuidanceLinkTranslation(Translation):
    english = models.ForeignKey(GuidanceLink, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=300, blank=True, validators=ONE_LINE, help_text=BLANK_FALLS_BACK)
    description = models.CharField(max_length=400, blank=True, help_text=BLANK_FALLS_BACK)

    FIELDS = ("title", "description")

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


TRANSLATION_MODELS = [
    LeafletTranslation,
    QuestionTranslation,
    BoardTranslation,
    GuidanceLinkTranslation,
    PageTranslation,
    SiteNoticeTranslation,
    InterfaceText,
]
