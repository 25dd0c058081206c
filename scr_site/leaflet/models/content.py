"""The leaflet's content, as staff edit it: each row is the draft of what families will see."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from markdownx.models import MarkdownxField

from scr_site.paths import reserved_slugs

from ..fields import WebAddressField
from ..markdown import render
from ..validators import (
    international_phone,
    normalise_postcode,
    validate_no_control_characters,
    validate_uk_phone,
    validate_uk_postcode,
)
from .published import PublishedQuerySet
from .reviews import ReviewDates

SHOW_TO_FAMILIES = "show to families"


class Leaflet(ReviewDates):
    title = models.CharField(
        max_length=200,
        validators=[validate_no_control_characters],
        help_text="Shown to families as the page's main heading.",
    )
    slug = models.SlugField(
        "web address",
        max_length=100,
        unique=True,
        help_text="The last part of this leaflet's web address, for example 'young-people'. "
        "Letters, numbers and hyphens only.",
    )
    is_home_page = models.BooleanField(
        "home page",
        default=False,
        help_text="Show this leaflet at the site's main address. Only one leaflet can be the home page.",
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown under the page's name in search results and in link previews "
        "in messaging apps. Keep it under 160 characters: longer ones are cut short.",
    )
    introduction = MarkdownxField(
        blank=True, help_text="Optional. Shown under the title, before the list of questions."
    )
    introduction_html = models.TextField(blank=True, editable=False)
    closing_text = MarkdownxField(
        "text before the contacts",
        blank=True,
        help_text="Shown after the last question, just before the contact details "
        "('In this leaflet we have answered...').",
    )
    closing_text_html = models.TextField(blank=True, editable=False)
    further_reading = MarkdownxField(
        "text before the guidance links",
        blank=True,
        help_text="Shown just before the list of guidance links.",
    )
    further_reading_html = models.TextField(blank=True, editable=False)
    show_to_families = models.BooleanField(
        SHOW_TO_FAMILIES, default=True, help_text="Untick to hide the whole leaflet from families."
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-is_home_page", "title"]
        # Rights for the whole site's content, held by the Publisher role (see permissions.py).
        permissions = [
            ("publish_content", "Can publish changes to the leaflets, pages, boards and guidance links"),
            ("restore_content", "Can restore earlier versions and deleted items"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["is_home_page"], condition=Q(is_home_page=True), name="one_home_page_leaflet"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.introduction_html = render(self.introduction)
        self.closing_text_html = render(self.closing_text)
        self.further_reading_html = render(self.further_reading)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.is_home_page:
            return reverse("leaflet:home")
        return reverse("leaflet:detail", kwargs={"slug": self.slug})


class Question(models.Model):
    """One of a leaflet's questions and its answer."""

    leaflet = models.ForeignKey(Leaflet, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(
        max_length=200,
        validators=[validate_no_control_characters],
        help_text="Shown to families as the question heading.",
    )
    anchor = models.SlugField(
        "link name",
        max_length=100,
        blank=True,
        help_text="Used to link straight to this question (the part after # in the address). "
        "Filled in from the question if left empty. Changing it breaks links people have saved.",
    )
    answer = MarkdownxField(
        help_text="The answer families read. Use **two stars** for bold and [words](https://…) for a link. "
        "The preview shows it as families will see it."
    )
    answer_html = models.TextField(editable=False)
    order = models.PositiveIntegerField(default=0, help_text="Questions are shown from the lowest number up.")
    show_to_families = models.BooleanField(
        SHOW_TO_FAMILIES, default=True, help_text="Untick to hide this question from families."
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["leaflet", "anchor"], name="unique_question_anchor_per_leaflet")
        ]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.anchor = self.anchor or slugify(self.question)[:100]
        self.answer_html = render(self.answer)
        super().save(*args, **kwargs)


class Board(models.Model):
    name = models.CharField(
        max_length=200,
        validators=[validate_no_control_characters],
        help_text="For example 'Peterborough Safeguarding Children Board'.",
    )
    address_lines = models.TextField(
        help_text="The street address, one line per line, without the town or postcode."
    )
    town = models.CharField(max_length=100)
    postcode = models.CharField(max_length=10, validators=[validate_uk_postcode])
    telephone = models.CharField(
        max_length=30,
        validators=[validate_uk_phone],
        help_text="Written as families should read it, for example 01733 863765.",
    )
    email = models.EmailField()
    website = WebAddressField(blank=True, help_text="Optional. The board's own website, starting https://.")
    order = models.PositiveIntegerField(default=0, help_text="Boards are listed from the lowest number up.")
    updated_at = models.DateTimeField(auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        self.postcode = normalise_postcode(self.postcode)

    @property
    def address_line_list(self):
        return [line.strip() for line in self.address_lines.splitlines() if line.strip()]

    @property
    def telephone_international(self):
        """The number in international form, e.g. +441733863765, or '' if it is not a valid number."""
        return international_phone(self.telephone)

    @property
    def telephone_uri(self):
        """The number for a tel: link, e.g. tel:+441733863765."""
        number = self.telephone_international
        return f"tel:{number}" if number else ""


class GuidanceLink(models.Model):
    title = models.CharField(
        max_length=200,
        validators=[validate_no_control_characters],
        help_text="The document's name, e.g. 'Working Together to Safeguard Children'.",
    )
    url = WebAddressField(
        "web address", max_length=500, help_text="The full address, for example https://www.gov.uk/…"
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="Optional. One short sentence on what families will find there."
    )
    order = models.PositiveIntegerField(default=0, help_text="Links are listed from the lowest number up.")
    updated_at = models.DateTimeField(auto_now=True)
    # Filled in by `manage.py check_links`.
    link_status = models.PositiveSmallIntegerField("last status", null=True, blank=True, editable=False)
    link_final_url = models.URLField("ends up at", max_length=500, blank=True, editable=False)
    link_problem = models.CharField("problem", max_length=300, blank=True, editable=False)
    link_checked_at = models.DateTimeField("last checked", null=True, blank=True, editable=False)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class Page(ReviewDates):
    """A plain page linked from the footer, such as the accessibility statement."""

    title = models.CharField(
        max_length=200,
        validators=[validate_no_control_characters],
        help_text="Shown to families as the page's main heading.",
    )
    slug = models.SlugField(
        "web address",
        max_length=100,
        unique=True,
        help_text="The page's address after the site name, for example 'accessibility'. Changing it breaks "
        "links people have saved.",
    )
    summary = models.CharField(
        max_length=300, blank=True, help_text="Optional. One sentence for search engines and link previews."
    )
    body = MarkdownxField(
        help_text="The page's text. Start headings with ## (then ### for a heading inside that section)."
    )
    body_html = models.TextField(editable=False)
    show_in_footer = models.BooleanField(
        default=True, help_text="List this page in the links at the foot of every page."
    )
    footer_order = models.PositiveIntegerField(
        default=0, help_text="Footer links are listed from the lowest number up."
    )
    show_to_families = models.BooleanField(
        SHOW_TO_FAMILIES, default=True, help_text="Untick to hide this page from families."
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["footer_order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render(self.body, top_heading=2)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("leaflet:page", kwargs={"slug": self.slug})

    def clean(self):
        # Pages live at the top of the site, beside addresses the site itself uses and its
        # languages' (/pl/). Language is looked up by name: its module imports this one.
        languages = apps.get_model("leaflet", "Language").objects.values_list("code", flat=True)
        if self.slug in reserved_slugs() | set(languages):
            raise ValidationError(
                {"slug": f"The address “{self.slug}” is used by the site itself. Choose another."}
            )
