"""Checks on contact details, with messages written for board staff."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

UK_COUNTRY_CODE = 44
# The Royal Mail pattern, as used by GOV.UK, plus the Girobank special case.
_UK_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d(?:\d|[ABEHMNPRV-Y])?|\d[A-HJKPS-UW])"
    r" ?\d[ABD-HJLNP-UW-Z]{2})$",
    re.IGNORECASE,
)

http_url_validator = URLValidator(
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
