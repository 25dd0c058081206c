"""The public pages in a family's language.

English pages are built from the English published copies as they always were. A page in
another language is the same page with each translated field put in place of the English;
where a translation is missing, the English stays, marked as English (`lang="en"`), so a
screen reader switches voice. A translated answer whose English has been published with a
change since it was translated carries the date of that change.
"""

import copy
from dataclasses import dataclass

from django.http import Http404

from .interface import LABELS
from .models import (
    InterfaceText,
    Language,
    LeafletTranslation,
    Page,
    PageTranslation,
    SiteNotice,
    SiteNoticeTranslation,
)
from .models.languages import LANGUAGE_CODE
from .models.published import published_site
from .registry import translation_of

ENGLISH = "en-GB"
REVIEW_FIELDS = ("last_reviewed_on", "next_review_due")


class Words(str):
    """Text that knows its language. A str, so templates show and escape it as the text itself."""

    def __new__(cls, text, lang=None):
        words = super().__new__(cls, text or "")
        words.lang = lang
        return words

    @property
    def direction(self):
        return "ltr" if self.lang == "en" else None


def english(text):
    """English shown on a page in another language."""
    return Words(text, "en")


@dataclass(frozen=True)
class PageLanguage:
    """The language a page is in: English, or one of the board's languages."""

    language: Language | None = None

    @property
    def code(self):
        return self.language.code if self.language else ENGLISH

    @property
    def direction(self):
        return self.language.direction if self.language else "ltr"

    @property
    def is_english(self):
        return self.language is None

    @property
    def prefix(self):
        return "" if self.language is None else f"/{self.language.code}"

    def url(self, english_url):
        """The same page's address in this language: /privacy/ becomes /pl/privacy/."""
        return self.prefix + english_url


def live_languages(site):
    """The languages shown to families: offered, and with a leaflet's translation published."""
    published = {item.language_id for item in site.items(LeafletTranslation)}
    return [language for language in Language.objects.real().filter(offered=True) if language.pk in published]


def language_for(site, code):
    """The PageLanguage for a code in the address; 404 unless families may see that language."""
    if code is None:
        return PageLanguage()
    for language in live_languages(site):
        if language.code == code:
            return PageLanguage(language)
    raise Http404("No such language is offered.")


class Interface:
    """The words around the content, in the page's language: `ui["contents"]`."""

    def __init__(self, texts=None, translated=False):
        self._texts = texts or {}
        self._translated = translated

    def __getitem__(self, key):
        text = self._texts.get(key)
        if text:
            return Words(text)
        return english(LABELS[key].english) if self._translated else Words(LABELS[key].english)

    def __contains__(self, key):
        return key in LABELS


def interface(site, page_language, texts=None):
    """The Interface for a page: English, or the language's published interface text."""
    if page_language.is_english:
        return Interface()
    if texts is None:
        found = site.items(InterfaceText, language_id=page_language.language.pk)
        texts = found[0].texts if found else {}
    return Interface(texts, translated=True)


def localised(items, translations, page_language):
    """Copies of English items with their translated fields in place, or the English marked as such.

    `translations` maps an English item's pk to its translation (published or draft).
    """
    if page_language.is_english:
        return items
    return [_localise(item, translations.get(item.pk), page_language) for item in items]


def _localise(item, translation, page_language):
    model = translation_of(item._meta.model)
    shown = copy.copy(item)
    for name in model.FIELDS:
        text = getattr(translation, name, "") if translation is not None else ""
        has_html = name in model.MARKDOWN
        if text:
            setattr(shown, name, Words(text))
            if has_html:
                setattr(shown, f"{name}_html", Words(getattr(translation, f"{name}_html")))
        else:
            setattr(shown, name, english(getattr(item, name)))
            if has_html:
                setattr(shown, f"{name}_html", english(getattr(item, f"{name}_html")))
    if translation is not None and any(hasattr(item, name) for name in REVIEW_FIELDS):
        for name in REVIEW_FIELDS:
            setattr(shown, name, getattr(translation, name))
    shown.english_changed_on = _english_changed_on(item, translation, model)
    shown.english_url = getattr(item, "english_url", None)
    return shown


def _english_changed_on(item, translation, model):
    """When the English was published with a change this translation has not caught up with."""
    if translation is None:
        return None
    now = {name: getattr(item, name) for name in model.FIELDS}
    if translation.stale_fields(now):
        return getattr(item, "published_at", None)
    return None


def translations_by_english(site, model, page_language):
    if page_language.is_english:
        return {}
    return {t.english_id: t for t in site.items(model, language_id=page_language.language.pk)}


def language_links(site, here, english_url):
    """The language switcher: English and each live language, each linking to this same page."""
    links = [{"code": "en", "name": "English", "url": english_url, "current": here.is_english, "dir": "ltr"}]
    for language in live_languages(site):
        links.append(
            {
                "code": language.code,
                "name": language.name,
                "url": PageLanguage(language).url(english_url),
                "current": here.language is not None and here.language.pk == language.pk,
                "dir": language.direction,
            }
        )
    return links if len(links) > 1 else []


# --- what every page needs: its language, the footer, the notice --------------------------


def page_language_of(request):
    """The page's language: the one its view chose, or the live language its address starts with."""
    if not hasattr(request, "page_language"):
        request.page_language = _language_of_path(request)
    return request.page_language


def _language_of_path(request):
    return language_of_path(request, request.path)


def language_of_path(request, path):
    """The live language an address starts with (/pl/privacy/ is Polish), or English."""
    first = path.strip("/").split("/")[0]
    if not LANGUAGE_CODE.regex.fullmatch(first):
        return PageLanguage()
    for language in live_languages(published_site(request)):
        if language.code == first:
            return PageLanguage(language)
    return PageLanguage()


def english_path_of(request):
    """This page's address in English: /pl/privacy/ gives /privacy/."""
    prefix = page_language_of(request).prefix
    return request.path[len(prefix) :] if prefix and request.path.startswith(prefix + "/") else request.path


def footer_pages(request):
    here = page_language_of(request)
    site = published_site(request)
    pages = site.items(Page, show_to_families=True, show_in_footer=True)
    shown = localised(pages, translations_by_english(site, PageTranslation, here), here)
    for page in shown:
        page.url = here.url(page.get_absolute_url())
    return shown


def site_notice(request):
    """The notice showing now, in the page's language where it has been translated."""
    notice = SiteNotice.objects.current().first()
    here = page_language_of(request)
    if notice is None or here.is_english:
        return notice
    translation = SiteNoticeTranslation.objects.filter(english=notice, language=here.language).first()
    if translation is not None and translation.message:
        notice.message_html = Words(translation.message_html)
    else:
        notice.message_html = english(notice.message_html)
    return notice


class LanguageCodeConverter:
    """A language code in an address: /pl/, /ur/privacy/.

    Only the codes of the board's languages match, so a footer page whose address is
    two or three letters is still found.
    """

    regex = "[a-z]{2,3}(?:-[a-z0-9]{2,8})*"

    def to_python(self, value):
        if not Language.objects.filter(code=value, is_test=False).exists():
            raise ValueError(value)
        return value

    def to_url(self, value):
        return value
