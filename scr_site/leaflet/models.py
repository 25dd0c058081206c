from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from markdownx.models import MarkdownxField

from .fields import WebAddressField
from .markdown import render
from .publishing import PublishedCopy, live_instances  # noqa: F401 (PublishedCopy is one of this app's models)
from .validators import (
    normalise_postcode,
    uk_phone_digits,
    validate_uk_phone,
    validate_uk_postcode,
)


def visible_to_families(model, lookups):
    """Lookups plus, where the model has one, its own 'show to families' switch."""
    if any(field.name == "published" for field in model._meta.fields):
        return {"published": True, **lookups}
    return lookups


class ContentQuerySet(models.QuerySet):
    def published(self, **lookups):
        """The one place that decides what families can see: the published copies.

        Returns unsaved instances holding the published values, filtered on those
        values (for example `published(slug="privacy")`), in the model's order.
        """
        return live_instances(self.model, **visible_to_families(self.model, lookups))


def a_year_after(day):
    """The same date next year (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def a_year_after_today():
    return a_year_after(timezone.localdate())


class ReviewDates(models.Model):
    """When a leaflet or page was last checked as still true, and when it must be checked again."""

    last_reviewed_on = models.DateField(
        null=True, blank=True, help_text="The day someone last checked that everything here is still right."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did that check.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When it must be checked again. Left empty, it is set to a year after the last review "
        "(or a year from today).",
    )
    review_contact = models.EmailField(
        "who to remind",
        blank=True,
        help_text="This address gets an email when the review is due or overdue.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.next_review_due:
            self.next_review_due = a_year_after(self.last_reviewed_on or timezone.localdate())
        super().save(*args, **kwargs)


class Leaflet(ReviewDates):
    title = models.CharField(max_length=200, help_text="Shown to families as the page's main heading.")
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
    published = models.BooleanField(default=True, help_text="Untick to hide the whole leaflet from families.")
    updated_at = models.DateTimeField("last updated", auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["-is_home_page", "title"]
        # Rights for the whole site's content, held by the Publisher role.
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


class Section(models.Model):
    leaflet = models.ForeignKey(Leaflet, on_delete=models.CASCADE, related_name="sections")
    question = models.CharField(max_length=200, help_text="Shown to families as the question heading.")
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
    published = models.BooleanField(default=True, help_text="Untick to hide this question from families.")
    updated_at = models.DateTimeField(auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["leaflet", "anchor"], name="unique_section_anchor_per_leaflet")
        ]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.anchor = self.anchor or slugify(self.question)[:100]
        self.answer_html = render(self.answer)
        super().save(*args, **kwargs)


class Board(models.Model):
    name = models.CharField(
        max_length=200, help_text="For example 'Peterborough Safeguarding Children Board'."
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

    objects = ContentQuerySet.as_manager()

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
    def telephone_uri(self):
        """The number in international form for a tel: link, e.g. tel:+441733863765."""
        digits = uk_phone_digits(self.telephone)
        return f"tel:+44{digits}" if digits else ""


class GuidanceLink(models.Model):
    title = models.CharField(
        max_length=200, help_text="The document's name, e.g. 'Working Together to Safeguard Children'."
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

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class SeededItem(models.Model):
    """Remembers what `load_content` has created, so an item staff delete stays deleted."""

    key = models.CharField(max_length=300, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class Page(ReviewDates):
    """A plain page linked from the footer, such as the accessibility statement."""

    title = models.CharField(max_length=200, help_text="Shown to families as the page's main heading.")
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
    published = models.BooleanField(default=True, help_text="Untick to hide this page from families.")
    updated_at = models.DateTimeField("last updated", auto_now=True)
    # Which item in content/ this was loaded from, if any (see load_content).
    source_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = ContentQuerySet.as_manager()

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
        # Pages live at the top of the site, beside addresses the site itself uses.
        taken = {"leaflets", "preview", "markdownx", "static", "healthz", settings.ADMIN_PATH.strip("/")}
        if self.slug in taken:
            raise ValidationError(
                {"slug": f"The address “{self.slug}” is used by the site itself. Choose another."}
            )


class SiteSettings(models.Model):
    """Settings for the whole site. There is only ever one row."""

    DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"

    exit_url = WebAddressField(
        "'Exit this page' goes to",
        default=DEFAULT_EXIT_URL,
        help_text="The ordinary-looking website families are sent to when they press 'Exit this page'. "
        "Choose one that would not raise suspicion, such as a weather or news site.",
    )

    feedback_digest_email = models.EmailField(
        "send the weekly feedback summary to",
        blank=True,
        help_text="Every week this address gets an email counting the answers to 'Is this page useful?' "
        "and the new problem reports. Leave empty to send none.",
    )
    security_contact = models.EmailField(
        "security contact",
        blank=True,
        help_text="Where people who find a security problem in this website should report it. Published in "
        "/.well-known/security.txt; leave empty to publish no security.txt.",
    )
    security_txt_expires = models.DateField(
        "security contact valid until",
        null=True,
        blank=True,
        default=a_year_after_today,
        help_text="The date after which the security contact should no longer be trusted: at most a year "
        "ahead. The admin reminds you 30 days before. Without a date, no security.txt is published.",
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings


class SiteNoticeQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            published=True,
        )


class SiteNotice(models.Model):
    """A short notice at the top of every public page, for a set time."""

    message = MarkdownxField(
        help_text="One or two short sentences. You can add a link with [words](https://…). No headings."
    )
    message_html = models.TextField(editable=False)
    starts_at = models.DateTimeField(
        "show from", null=True, blank=True, help_text="Leave empty to show it as soon as it is published."
    )
    ends_at = models.DateTimeField(
        "show until", null=True, blank=True, help_text="Leave empty to show it until it is unpublished."
    )
    published = models.BooleanField(default=False, help_text="Tick to show the notice between its dates.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = SiteNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return Truncator(self.message).words(12)

    def save(self, *args, **kwargs):
        # A notice is a line of text: no headings, so it never adds to the page's outline.
        self.message_html = render(self.message, top_heading=7)
        super().save(*args, **kwargs)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The notice must end after it starts."})


class ReviewReminder(models.Model):
    """An email sent about a review that is due, so nobody is reminded more than once a week."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id", "sent_at"])]

    def __str__(self):
        return f"Reminder to {self.sent_to} on {self.sent_at:%d %B %Y}"
