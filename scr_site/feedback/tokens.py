"""The signed token in every feedback form, standing in for Django's CSRF cookie.

Public pages set no cookies and are cached whole, so the token cannot be per visitor: it
names the page it was made for and when, and is the same for everyone until the page is
rebuilt. It proves the post came from a form this site served for that page, recently.

How long it lasts (FEEDBACK_TOKEN_MAX_AGE) must cover the oldest page anyone can still
have open: a cached page is rebuilt at least daily, and a reader may then leave it open
for a while before pressing Send. When a token has expired, the person's words are kept
and the form comes back with a fresh one.
"""

from django.conf import settings
from django.core import signing

_SALT = "scr_site.feedback.form"


class BadToken(Exception):
    """Missing, tampered with, or made for another page."""


class ExpiredToken(BadToken):
    pass


def token_for(page):
    return signing.TimestampSigner(salt=_SALT).sign_object({"page": page})


def check_token(token, page):
    """Raise BadToken unless `token` was made by this site for `page` and has not expired."""
    if not token:
        raise BadToken
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        # The page is checked before the age, so an old token for one page never
        # earns a fresh one for another.
        data = signer.unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        raise BadToken from None
    if not isinstance(data, dict) or data.get("page") != page:
        raise BadToken
    try:
        signer.unsign_object(token, max_age=settings.FEEDBACK_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise ExpiredToken from None
