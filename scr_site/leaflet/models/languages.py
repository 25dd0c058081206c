"""The languages the board offers families, besides the English everything is translated from.

A language is offered (listed in every page's language links) only once something in it
has been published. Two test languages, made from the English by `pseudo_translate`, are
for checking layouts and are never offered or published.
"""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from .content import Page

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
