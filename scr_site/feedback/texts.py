"""Everything the feedback views say to families, in the language of the page it is about.

The words themselves live with the rest of the site's words (scr_site/leaflet/interface.py,
keys starting feedback_), so each is translated like any other. Only the page saying the
database is down is always English: it is built without the database.
"""

from django.db import DatabaseError

from scr_site.leaflet import localise
from scr_site.leaflet.interface import LABELS
from scr_site.leaflet.models.published import published_site

# Why a post was not accepted: the explanation shown under "Your feedback was not sent".
REFUSALS = {
    "foreign_origin": "feedback_refused_origin",
    "no_token": "feedback_refused_token",
    "expired": "feedback_refused_expired",
    "honeypot": "feedback_refused_honeypot",
    "too_many": "feedback_refused_too_many",
    "invalid": "feedback_refused_invalid",
}

# When the database cannot be reached, so nothing can be saved, nor any translation read.
UNAVAILABLE = (
    "Your feedback could not be saved",
    "The website cannot save feedback at the moment. Please try again later.",
)


def in_language_of(request, page):
    """Speak the language of `page` (/pl/privacy/ is Polish) for the rest of this request."""
    try:
        request.page_language = localise.language_of_path(request, page or "/")
    except DatabaseError:
        request.page_language = localise.PageLanguage()


def say(request, key, **values):
    """One of the site's words in the request's language, with {placeholders} filled in.

    Without the database, in English: a refusal must still be explained.
    """
    try:
        words = localise.interface(published_site(request), localise.page_language_of(request))
        text = str(words[key])
    except DatabaseError:
        text = LABELS[key].english
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
