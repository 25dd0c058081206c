"""What a family can send: Yes or No, or up to PROBLEM_LENGTH characters about a problem."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings

from scr_site.leaflet import localise
from scr_site.leaflet.models import Board, BoardTranslation
from scr_site.leaflet.models.published import published_site

from . import texts
from .tokens import token_for

PROBLEM_LENGTH = 1000
# A field people never see (it is not displayed); programs that fill in every box fill it in.
HONEYPOT = "website"


def form_context(request, page, token=None):
    """What the feedback forms show: the page they are about, its token, and whom to call."""
    return {
        "page": page,
        "token": token or token_for(page),
        "honeypot": HONEYPOT,
        "problem_length": PROBLEM_LENGTH,
        # The boards as families see them on the leaflet; read with the rest of the page's content.
        "boards": _boards(request),
        # The page's language and words, which an included template does not otherwise see.
        "page_language": localise.page_language_of(request),
        "ui": localise.interface(published_site(request), localise.page_language_of(request)),
    }


def _boards(request):
    site = published_site(request)
    here = localise.page_language_of(request)
    translations = localise.translations_by_english(site, BoardTranslation, here)
    return localise.localised(site.items(Board), translations, here)


def sent_from_this_site(request):
    """The browser says the post came from one of this site's own pages.

    Browsers send Origin with every post; a "null" origin (a sandboxed frame, for one)
    proves nothing, so then only Sec-Fetch-Site: same-origin will do.
    """
    origin = request.headers.get("Origin", "")
    if origin and origin != "null":
        site = urlsplit(settings.SITE_URL)
        return origin in {f"{request.scheme}://{request.get_host()}", f"{site.scheme}://{site.netloc}"}
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


class SaidForm(forms.Form):
    """A form whose messages are in the language of the page it came from."""

    def __init__(self, data, request):
        super().__init__(data)
        self.request = request
        for name, messages in self.messages().items():
            self.fields[name].error_messages.update(
                {code: texts.say(request, key) for code, key in messages.items()}
            )


class UsefulForm(SaidForm):
    useful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda answer: answer == "yes"
    )

    def messages(self):
        return {"useful": {"required": "feedback_choose", "invalid_choice": "feedback_choose"}}


class ProblemForm(SaidForm):
    text = forms.CharField()

    def messages(self):
        return {
            "text": {"required": "feedback_describe", "null_characters_not_allowed": "feedback_bad_character"}
        }

    def clean_text(self):
        # Browsers send line breaks as CR LF but count them as one character, as people do.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if len(text) > PROBLEM_LENGTH:
            said = texts.say(
                self.request, "feedback_too_long", limit=f"{PROBLEM_LENGTH:,}", length=f"{len(text):,}"
            )
            raise forms.ValidationError(said, code="max_length")
        return text
