"""Staff get plain English advice on what they write, and are never stopped from saving it."""

from pathlib import Path

import pytest

from scr_site.leaflet.content_folder.files import read_front_matter
from scr_site.leaflet.plain_english import MAX_SENTENCE_WORDS, TARGET_READING_AGE, review

SECTIONS = sorted(
    (Path(__file__).parent.parent / "content/leaflets/serious-case-reviews/questions").glob("*.md")
)
LONG_LEAFLET_SENTENCE = (
    "During the review all the reports are kept confidential to those who represent organisations"
    " on the LSCBs, or have contributed to the review, and the staff within those organisations"
    " who worked with the child and their family."
)
HARD_PARAGRAPH = (
    "The multi-agency safeguarding arrangements necessitate comprehensive consideration of"
    " organisational accountability. Practitioners' contemporaneous documentation is"
    " systematically scrutinised by the independent reviewer."
)
EASY_PARAGRAPH = "We will talk to you first. You can tell us what you think. We will help you."


def codes(text, **options):
    return [advice.code for advice in review(text, **options).advice]


def test_a_short_simple_sentence_scores_a_low_reading_age_and_gets_no_advice():
    result = review("We will tell you what we find out.")
    assert result.reading_age is not None
    assert result.reading_age <= TARGET_READING_AGE
    assert result.advice == ()


def test_empty_text_has_no_reading_age_and_no_advice():
    assert review("").reading_age is None
    assert review("").advice == ()
    assert review("   \n") == review("")


def test_a_fragment_too_short_to_score_has_no_reading_age():
    assert review("Thank you.").reading_age is None


def test_a_hard_paragraph_gets_reading_age_advice_naming_the_age():
    result = review(HARD_PARAGRAPH)
    assert result.reading_age > TARGET_READING_AGE
    assert result.advice[0].code == "reading-age"
    assert result.advice[0].message.startswith(f"Estimated reading age {result.reading_age}. GOV.UK aims")


def test_an_easy_paragraph_gets_no_reading_age_advice():
    assert "reading-age" not in codes(EASY_PARAGRAPH)


def test_reading_age_scores_the_visible_text_not_the_markdown_or_the_link_address():
    plain = review(EASY_PARAGRAPH).reading_age
    marked_up = "We will **talk** to you [first](https://www.gov.uk/very-long-address-indeed)."
    assert review(marked_up + " You can tell us what you think. We will help you.").reading_age == plain


def test_the_leaflets_long_sentence_is_quoted_with_its_word_count():
    long = [advice for advice in review(LONG_LEAFLET_SENTENCE).advice if advice.code == "long-sentence"]
    assert len(long) == 1
    assert "has 37 words" in long[0].message
    assert f"to {MAX_SENTENCE_WORDS} words or fewer" in long[0].message
    assert long[0].message.endswith('"During the review all the reports are kept…"')


def test_a_sentence_of_exactly_the_limit_is_not_long():
    assert "long-sentence" not in codes(" ".join(["word"] * MAX_SENTENCE_WORDS) + ".")
    assert "long-sentence" in codes(" ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + ".")


def test_a_long_sentence_is_quoted_without_a_trailing_comma():
    text = "Health Services, the Police, Housing, Schools, Children's Services, the NSPCC, and " * 3
    assert '"Health Services, the Police, Housing, Schools, Children\'s Services…"' in (
        review(text.strip() + ".").advice[-1].message
    )


def test_sentences_do_not_break_on_abbreviations_web_addresses_decimals_or_ordinals():
    text = (
        "See GOV.UK or www.gov.uk, e.g. Housing, i.e. 2.5 pages on the 1st day, and"
        " read what the Board says about the review and what it found."
    )
    assert len(text.split()) == MAX_SENTENCE_WORDS + 1
    messages = [advice.message for advice in review(text).advice if advice.code == "long-sentence"]
    assert messages == [
        f"This sentence has {MAX_SENTENCE_WORDS + 1} words. Try to keep sentences to"
        f' {MAX_SENTENCE_WORDS} words or fewer: "See GOV.UK or www.gov.uk, e.g. Housing, i.e. 2.5…"'
    ]


def test_a_heading_or_list_item_without_a_full_stop_ends_its_own_sentence():
    thirteen = " ".join(["word"] * 13)
    assert "long-sentence" not in codes(f"### {thirteen}\n\n{thirteen}")
    assert "long-sentence" not in codes(f"- {thirteen}\n- {thirteen}")
    assert "long-sentence" in codes(f"{thirteen}\n{thirteen}")


@pytest.mark.parametrize("text", ["click here", "here", "Here!", "Read more…", "this link", "THIS PAGE"])
def test_link_text_that_says_nothing_on_its_own_is_flagged(text):
    result = review(f"For the form, [{text}](https://x.example).")
    assert [advice.message for advice in result.advice if advice.code == "vague-link"] == [
        f'The link "{text}" does not say where it goes.'
        " Use words that make sense on their own, like the name of the page."
    ]


def test_link_text_that_names_its_page_is_not_flagged():
    assert "vague-link" not in codes("[Working Together to Safeguard Children](https://www.gov.uk/x)")
    assert "vague-link" not in codes("[more about reviews](https://x.example)")


def test_a_heading_that_skips_a_level_is_flagged():
    assert codes("### A\n\n##### B") == ["heading-skip"]
    assert "jumps from ### to #####. Use ####" in review("### A\n\n##### B").advice[0].message


def test_headings_one_level_apart_are_not_flagged():
    assert codes("### A\n\n#### B\n\n### C\n\n#### D") == []


def test_an_answers_first_heading_must_be_at_the_top_level():
    assert codes("#### A") == ["heading-skip"]
    assert codes("## A", top_heading=2) == []


def test_a_heading_above_the_top_level_is_flagged_in_an_answer():
    assert codes("## A") == ["heading-level"]
    assert review("## A").advice[0].message == 'The heading "A" uses ##. Headings here start at ###.'
    assert codes("<h1>A</h1>") == ["heading-level"]


def test_an_image_without_alt_text_is_flagged():
    assert codes("![](a.png)") == ["image-alt"]
    assert codes('<img src="a.png">') == ["image-alt"]
    assert '"a.png"' in review("![](a.png)").advice[0].message


def test_an_image_with_alt_text_is_not_flagged():
    assert codes("![A chart](a.png)") == []
    assert codes('<img src="a.png" alt="A chart">') == []


def test_words_in_capitals_are_flagged_and_named():
    advice = review("PLEASE read this IMPORTANT note. PLEASE.").advice
    assert [item.code for item in advice] == ["capitals"]
    assert "shouting: PLEASE, IMPORTANT." in advice[0].message


def test_the_sites_own_abbreviations_are_not_flagged():
    assert codes("The LSCB and NSPCC work with the NHS, as GOV.UK says, and follow WCAG.") == []


def test_an_abbreviation_defined_in_brackets_is_not_flagged():
    assert codes("The Child Safeguarding Practice Review (CSPR) is done. The CSPR tells us more.") == []


def test_capitals_in_the_heading_are_checked_but_the_heading_is_not_scored():
    result = review(EASY_PARAGRAPH, heading_text="WHAT HAPPENS NEXT?")
    assert [advice.code for advice in result.advice] == ["capitals"]
    assert result.reading_age == review(EASY_PARAGRAPH).reading_age


def test_an_abbreviation_defined_in_the_heading_is_not_flagged_in_the_answer():
    heading = "What is the Child Death Overview Panel (CDOP)?"
    assert codes("The CDOP looks at every child death.", heading_text=heading) == []


@pytest.mark.parametrize("path", SECTIONS, ids=[path.name for path in SECTIONS])
def test_every_seeded_answer_gets_a_whole_number_reading_age(path):
    header, answer = read_front_matter(path)
    assert isinstance(review(answer, heading_text=header["question"]).reading_age, int)


def test_all_seven_seeded_answers_are_reviewed():
    assert len(SECTIONS) == 7
