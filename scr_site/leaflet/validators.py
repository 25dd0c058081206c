"""Checks on contact details, with messages written for board staff."""

import re
import unicodedata
from urllib.parse import urlsplit

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from scr_site.public_addresses import is_local_name

UK_COUNTRY_CODE = 44
# The Royal Mail pattern, as used by GOV.UK, plus the Girobank special case.
_UK_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d(?:\d|[ABEHMNPRV-Y])?|\d[A-HJKPS-UW])"
    r" ?\d[ABD-HJLNP-UW-Z]{2})$",
    re.IGNORECASE,
)


class WebAddressValidator(URLValidator):
    """A web address families can open: http(s), and on the public internet.

    Addresses on a local network (this machine, the council's intranet, a cloud
    provider's metadata service) are refused: families cannot open them, and the link
    checker must never be pointed at them.
    """

    local_message = (
        "Enter an address on the public internet that families can open. Addresses on a private "
        "or local network (such as localhost, 10.0.0.1 or a one-word intranet name) cannot be used."
    )

    def __call__(self, value):
        super().__call__(value)
        if is_local_name(urlsplit(value).hostname):
            raise ValidationError(self.local_message, code="local_address")


http_url_validator = WebAddressValidator(
    schemes=["http", "https"],
    message="Enter a full web address starting with https:// (or http://), for example https://www.gov.uk.",
)


def _uk_number(value):
    """The number as the UK numbering plan knows it, or None if it is not a real UK number.

    Checked against the numbering plan (Google's libphonenumber data), so a number a
    digit short, or in a range never given out, is refused.
    """
    try:
        number = phonenumbers.parse(value or "", "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != UK_COUNTRY_CODE or not phonenumbers.is_valid_number(number):
        return None
    return number


def international_phone(value):
    """The number in international form, e.g. +441733863765, or '' if it is not a UK number."""
    number = _uk_number(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else ""


def validate_uk_phone(value):
    if _uk_number(value) is None:
        raise ValidationError(
            "“%(value)s” is not a complete UK telephone number: check for a missing or extra digit. "
            "Write it with its area code, like 01733 863765 or +44 1733 863765.",
            code="invalid_phone",
            params={"value": value},
        )


def normalise_postcode(value):
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def validate_uk_postcode(value):
    if not _UK_POSTCODE.match(re.sub(r"\s+", " ", (value or "").strip())):
        raise ValidationError("Enter a UK postcode, like PE1 1FB.", code="invalid_postcode")


# Characters that break a title onto new lines, or reorder the text around them, when it is
# shown in a list, an email subject or a log: controls (tabs, line breaks, NUL), line and
# paragraph separators, and the bidirectional overrides and isolates.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_control(character):
    return unicodedata.category(character) in {"Cc", "Zl", "Zp"} or character in _BIDI_CONTROLS


def validate_no_control_characters(value):
    if any(_is_control(character) for character in value or ""):
        raise ValidationError(
            "Titles must be one line of ordinary text. Remove any line breaks or tabs (they can come "
            "in when text is pasted from another document) and type the title again on one line.",
            code="control_characters",
        )


def one_line(value):
    """The text with every control character replaced by a space, and runs of spaces made one."""
    return " ".join("".join(" " if _is_control(character) else character for character in value).split())
