"""Checks on contact details, with messages written for board staff."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

_PHONE_SEPARATORS = re.compile(r"[\s\-().]")
# After removing spaces: 0 or +44 (or 0044), then 9 or 10 digits not starting with 0.
_UK_PHONE = re.compile(r"^(?:\+44|0044|0)([1-9]\d{8,9})$")
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


def uk_phone_digits(value):
    """Return the national number without its leading 0, or None if it is not a UK number."""
    match = _UK_PHONE.match(_PHONE_SEPARATORS.sub("", value or ""))
    return match.group(1) if match else None


def validate_uk_phone(value):
    if uk_phone_digits(value) is None:
        raise ValidationError(
            "Enter a UK telephone number, like 01733 863765 or +44 1733 863765.",
            code="invalid_phone",
        )


def normalise_postcode(value):
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def validate_uk_postcode(value):
    if not _UK_POSTCODE.match(re.sub(r"\s+", " ", (value or "").strip())):
        raise ValidationError("Enter a UK postcode, like PE1 1FB.", code="invalid_postcode")
