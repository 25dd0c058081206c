"""Settings and notices for the whole site, and what load_content has created."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from markdownx.models import MarkdownxField

from ..fields import WebAddressField
from ..markdown import render
from .reviews import a_year_after_today


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
            show_to_families=True,
        )


class SiteNotice(models.Model):
    """A short notice at the top of every public page, for a set time."""

    message = MarkdownxField(
        help_text="One or two short sentences. You can add a link with [words](https://…). No headings."
    )
    message_html = models.TextField(editable=False)
    starts_at = models.DateTimeField(
        "show from", null=True, blank=True, help_text="Leave empty to show it as soon as it is saved."
    )
    ends_at = models.DateTimeField(
        "show until",
        null=True,
        blank=True,
        help_text="Leave empty to show it until you untick 'Show to families'.",
    )
    show_to_families = models.BooleanField(
        "show to families", default=False, help_text="Tick to show the notice between its dates."
    )
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


class SeededItem(models.Model):
    """Remembers what `load_content` has created, so an item staff delete stays deleted."""

    key = models.CharField(max_length=300, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
