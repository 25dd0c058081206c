"""What a family can send: Yes or No, or up to PROBLEM_LENGTH characters about a problem."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings

from scr_site.leaflet.models import Board
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
        "boards": published_site(request).items(Board),
    }


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


class UsefulForm(forms.Form):
    useful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        error_messages={"required": texts.CHOOSE_YES_OR_NO, "invalid_choice": texts.CHOOSE_YES_OR_NO},
    )


class ProblemForm(forms.Form):
    text = forms.CharField(
        error_messages={
            "required": texts.DESCRIBE_THE_PROBLEM,
            "null_characters_not_allowed": texts.NO_NULL_CHARACTERS,
        },
    )

    def clean_text(self):
        # Browsers send line breaks as CR LF but count them as one character, as people do.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if len(text) > PROBLEM_LENGTH:
            raise forms.ValidationError(texts.too_long(PROBLEM_LENGTH, len(text)), code="max_length")
        return text
