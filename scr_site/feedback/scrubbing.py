"""Taking personal details out of what families type, before anything is stored.

The form asks people not to include personal details, but someone in distress may give
their email, telephone number or child's date of birth anyway. Each kind is replaced by a
label saying what was removed, so staff can still follow the message. The patterns lean
towards removing too much: a number that might identify someone is worth more to them
than to the board.
"""

import re

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    # 03/04/2015, 3-4-15, 3.4.2015
    r"\b\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})\b"
    # 2015-04-03
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"
    # 3rd of April 2015, 3 Apr 15
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(?:\d{{4}}|\d{{2}})\b"
    # April 3rd, 2015
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)

# Two letters, six digits (often in pairs) and a final A to D, which people often leave off.
NATIONAL_INSURANCE = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]?\b", re.IGNORECASE)

POSTCODE = re.compile(r"\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b", re.IGNORECASE)

# A run of digits, allowing the single spaces, dots, hyphens and brackets people write
# numbers with: "01733 863765", "(01733) 863765", "+44 (0)7700 900123", "943-476-5919".
NUMBER = re.compile(r"(?<![\d+])(?:\+|\b00)?\s?\(?\d+\)?(?:[ .\-]?\(?\d+\)?)*")
LONGEST_HARMLESS_NUMBER = 7

REMOVED_EMAIL = "[email removed]"
REMOVED_DATE = "[date removed]"
REMOVED_NATIONAL_INSURANCE = "[National Insurance number removed]"
REMOVED_POSTCODE = "[postcode removed]"
REMOVED_PHONE = "[phone number removed]"
REMOVED_NHS = "[NHS number removed]"
REMOVED_NUMBER = "[number removed]"


def _number(match):
    written = match.group(0)
    digits = re.sub(r"\D", "", written)
    if len(digits) <= LONGEST_HARMLESS_NUMBER:
        return written
    international = written.lstrip().startswith(("+", "00")) and digits.startswith(("44", "0044"))
    if international or (digits.startswith("0") and len(digits) in (10, 11)):
        label = REMOVED_PHONE
    elif len(digits) == 10:
        # NHS numbers are ten digits and, unlike UK telephone numbers, never start with 0.
        label = REMOVED_NHS
    else:
        label = REMOVED_NUMBER
    # Keep the space before the number, if the pattern took it.
    return (" " if written[0].isspace() else "") + label


def scrub(text):
    """The text with emails, telephone, NHS, National Insurance and other long numbers,
    postcodes and dates replaced by labels such as "[email removed]"."""
    text = EMAIL.sub(REMOVED_EMAIL, text)
    text = DATE.sub(REMOVED_DATE, text)
    text = NATIONAL_INSURANCE.sub(REMOVED_NATIONAL_INSURANCE, text)
    text = POSTCODE.sub(REMOVED_POSTCODE, text)
    return NUMBER.sub(_number, text)
