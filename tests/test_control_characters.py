"""Titles are one line of ordinary text: what staff paste cannot break a list, an email or a log."""

import pytest
from django.core.exceptions import ValidationError

from scr_site.leaflet.validators import one_line, validate_no_control_characters


@pytest.mark.parametrize(
    "title",
    [
        "Privacy\nBcc: everyone@evil.example",
        "Privacy\r\nand cookies",
        "Privacy\tand cookies",
        "Privacy\x00",
        "Privacy\x1b[2J",
        "Privacy\u2028and cookies",
        "Privacy\u2029and cookies",
        "Privacy \u202eeikooc",
        "Privacy \u2066and cookies\u2069",
    ],
)
def test_a_title_with_a_control_character_is_refused_with_a_message_for_staff(title):
    with pytest.raises(ValidationError) as refused:
        validate_no_control_characters(title)
    assert refused.value.code == "control_characters"
    assert "Remove any line breaks or tabs" in refused.value.messages[0]


@pytest.mark.parametrize(
    "title",
    [
        "Privacy and cookies",
        "Who Will See the Report?",
        "Cymraeg: Preifatrwydd a chwcis – ŵ ŷ",
        "Polski: Prywatność i pliki cookie",
        "خصوصية",
        "Family 👨\u200d👩\u200d👧",
    ],
)
def test_an_ordinary_title_in_any_language_is_accepted(title):
    validate_no_control_characters(title)


def test_one_line_turns_every_control_character_into_a_single_space():
    assert one_line("Privacy\r\n\tBcc:\u2028everyone\x00 \u202eat once") == "Privacy Bcc: everyone at once"
