"""Personal details people type into a problem report are removed before anything is stored."""

import pytest

from scr_site.feedback.scrubbing import scrub


@pytest.mark.parametrize(
    "written",
    ["jo.bloggs@example.com", "Jo.Bloggs+school@mail.example.co.uk", "j_o-b@example-mail.org"],
)
def test_email_addresses_are_removed(written):
    assert scrub(f"Write to {written} please.") == "Write to [email removed] please."


@pytest.mark.parametrize(
    "written",
    [
        "01733 863765",
        "(01733) 863765",
        "01733863765",
        "020 7946 0000",
        "07700 900123",
        "07700-900-123",
        "+44 7700 900123",
        "+44 (0)1733 863765",
        "+441733863765",
        "0044 1733 863765",
    ],
)
def test_uk_telephone_numbers_are_removed(written):
    assert scrub(f"Call me on {written} after six.") == "Call me on [phone number removed] after six."


@pytest.mark.parametrize("written", ["PE1 1FB", "pe1 1fb", "PE11FB", "SW1A 1AA", "M1 1AE", "CB2 1TN"])
def test_postcodes_are_removed(written):
    assert (
        scrub(f"We live at {written}, near the school.") == "We live at [postcode removed], near the school."
    )


@pytest.mark.parametrize("written", ["QQ 12 34 56 C", "QQ123456C", "qq 123456 c", "AB 12 34 56"])
def test_national_insurance_numbers_are_removed(written):
    assert scrub(f"My NI is {written}.") == "My NI is [National Insurance number removed]."


@pytest.mark.parametrize("written", ["943 476 5919", "9434765919", "943-476-5919"])
def test_nhs_numbers_are_removed(written):
    assert scrub(f"His NHS number is {written}.") == "His NHS number is [NHS number removed]."


@pytest.mark.parametrize(
    "written",
    [
        "03/04/2015",
        "3/4/15",
        "3.4.2015",
        "2015-04-03",
        "3 April 2015",
        "3rd of April 2015",
        "April 3rd, 2015",
    ],
)
def test_dates_such_as_a_date_of_birth_are_removed(written):
    assert scrub(f"She was born on {written} in Peterborough.") == (
        "She was born on [date removed] in Peterborough."
    )


@pytest.mark.parametrize("written", ["12345678", "case 1234 5678 9", "ref 9876543210123"])
def test_other_long_numbers_that_could_identify_someone_are_removed(written):
    assert "[number removed]" in scrub(written)


@pytest.mark.parametrize(
    "written",
    [
        "The review took 9 months, not the 6 to 9 months the leaflet says.",
        "Question 5 of 7 is hard to follow.",
        "The meeting was at 10.30 on 3 March.",
        "Over 1,000 people read it in 2015.",
        "Who will see the report? It is not clear.",
    ],
)
def test_ordinary_words_and_small_numbers_are_kept(written):
    assert scrub(written) == written


def test_one_report_with_every_kind_has_each_replaced():
    report = (
        "I'm jo@example.com, 07700 900123, PE1 1FB, QQ 12 34 56 C, NHS 943 476 5919, "
        "and my daughter was born 01/02/2016."
    )
    assert scrub(report) == (
        "I'm [email removed], [phone number removed], [postcode removed], "
        "[National Insurance number removed], NHS [NHS number removed], "
        "and my daughter was born [date removed]."
    )
