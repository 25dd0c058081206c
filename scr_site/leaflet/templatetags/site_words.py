"""The words around the content, in the page's language, and English marked as English.

{% ui "contents" %}          the word, escaped; wrapped in <span lang="en"> when it is
                             English on a page in another language
{% ui_text "exit_region" %}  the bare text, for attributes
{{ text|lang_attrs }}        ' lang="en" dir="ltr"' for English on a translated page, else ''
{{ day|local_date }}         a date as the page's language writes it
"""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import localise
from ..models.published import published_site

register = template.Library()

ENGLISH_DATE = "j F Y"


def _words(context, key):
    words = context.get("ui")
    if words is None:
        request = context["request"]
        words = localise.interface(published_site(request), localise.page_language_of(request))
    return words[key]


@register.simple_tag(takes_context=True)
def ui(context, key):
    words = _words(context, key)
    if getattr(words, "lang", None):
        return format_html('<span lang="{}" dir="ltr">{}</span>', words.lang, words)
    return format_html("{}", words)


@register.simple_tag(takes_context=True)
def ui_text(context, key):
    return str(_words(context, key))


@register.filter
def lang_attrs(value):
    lang = getattr(value, "lang", None)
    return format_html(' lang="{}" dir="ltr"', lang) if lang else ""


@register.filter
def local_date(day, english=False):
    """'3 March 2027' in English; in another language its own long form ('3 marca 2027')."""
    if not day:
        return ""
    if english or (get_language() or "en").startswith("en"):
        return formats.date_format(day, ENGLISH_DATE)
    # E is the month as used in a full date (genitive in Polish, Czech ...), F in English.
    return formats.date_format(day, "j E Y")


@register.simple_tag(takes_context=True)
def english_updated(context, day):
    """The notice under a translated answer whose English has changed since it was translated."""
    words = _words(context, "english_updated")
    return str(words).replace("{date}", local_date(day))


@register.simple_tag(takes_context=True)
def ui_with(context, key, **values):
    """A word with {placeholders} filled in: {% ui_with "feedback_up_to" count=1000 %}."""
    words = _words(context, key)
    text = str(words)
    for name, value in values.items():
        shown = formats.number_format(value, force_grouping=True) if isinstance(value, int) else value
        text = text.replace("{" + name + "}", str(shown))
    if getattr(words, "lang", None):
        return format_html('<span lang="{}" dir="ltr">{}</span>', words.lang, text)
    return format_html("{}", text)


@register.simple_tag(takes_context=True)
def emergency_number(context):
    """'If a child is in immediate danger, call 999.' with 999 as a link that dials it."""
    words = _words(context, "feedback_danger")
    here = context.get("page_language") or localise.page_language_of(context["request"])
    attrs = "" if here.is_english else ' dir="ltr"'
    before, found, after = str(words).partition("999")
    if not found:
        text = format_html("{}", words)
    else:
        link = format_html('<a href="tel:999"{}>999</a>', mark_safe(attrs))  # noqa: S308 (a fixed attribute)
        text = format_html("{}{}{}", before, link, after)
    if getattr(words, "lang", None):
        return format_html('<span lang="{}" dir="ltr">{}</span>', words.lang, text)
    return text
