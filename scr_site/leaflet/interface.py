"""The words around the content that families read, in English: each can be translated.

Staff translate them in the admin (Interface text, one per language) or through a
translation agency's file, like the content. A word with no translation is shown in
English, marked as English.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    english: str
    where: str
    # Longer text would break the layout here; translators are told the limit.
    max_length: int | None = None


LABELS = {
    "site_name": Label(
        "Cambridgeshire and Peterborough Safeguarding Children Boards",
        "The site's name, at the top of every page",
    ),
    "boards": Label(
        "Cambridgeshire and Peterborough Local Safeguarding Children Boards", "At the foot of every page"
    ),
    "description": Label(
        "Information for families about Serious Case Reviews in Cambridgeshire and Peterborough.",
        "The page's summary for search engines, where it has none of its own",
        160,
    ),
    "skip_link": Label("Skip to main content", "The first link on every page, for keyboard users", 40),
    "exit_region": Label(
        "Leave this website quickly", "Read out by screen readers before the exit button", 60
    ),
    "exit_emergency": Label("Emergency:", "Read out by screen readers before 'Exit this page'", 20),
    "exit_page": Label("Exit this page", "The exit button at the top of every page", 24),
    "exit_help": Label("How to leave quickly", "The link beside the exit button", 30),
    "exit_shift_one": Label("Shift, press 1 more time to exit.", "Read out after pressing Shift twice", 60),
    "exit_shift_more": Label("Shift, press 2 more times to exit.", "Read out after pressing Shift once", 60),
    "exit_leaving": Label("Exiting page.", "Read out as the page is left", 40),
    "exit_expired": Label("Exit this page expired.", "Read out when Shift was not pressed again in time", 60),
    "notice": Label("Notice", "Read out by screen readers before a site notice", 30),
    "languages": Label("Languages", "Read out by screen readers before the language links", 30),
    "contents": Label("Contents", "Heading of the list of questions", 30),
    "who_to_contact": Label("Who to contact", "Heading of the contact details, and its link in Contents", 40),
    "find_out_more": Label("Find out more", "Heading of the guidance links, and its link in Contents", 40),
    "telephone": Label("Telephone", "Beside each board's telephone number", 20),
    "email": Label("Email", "Beside each board's email address", 20),
    "website": Label("Website", "Beside each board's website", 20),
    "print": Label("Print this page", "The print button", 30),
    "last_updated": Label("Last updated:", "Before the date the page last changed", 30),
    "last_reviewed": Label("Page last reviewed:", "Before the date the page was last checked", 40),
    "next_review": Label("Next review due:", "Before the date of the next check", 40),
    "this_page": Label("This page:", "Printed before the page's address", 20),
    "about_site": Label("About this website", "Read out by screen readers before the footer links", 40),
    "english_updated": Label(
        "The English version of this answer was updated on {date}.",
        "Under a translated answer whose English has changed since. Keep {date} as it is.",
        140,
    ),
    "read_english": Label("Read the English version", "The link under that notice", 50),
    "not_found_title": Label(
        "Page not found", "Heading of the page shown for an address that does not exist", 60
    ),
    "not_found_text": Label(
        "We cannot find the page you asked for. If you typed the web address, check it is correct. "
        "If you followed a link or a bookmark, the page may have moved.",
        "Text of the page shown for an address that does not exist",
    ),
    "go_home": Label(
        "Go to the information for families about Serious Case Reviews",
        "The link back to the main page on error pages",
        100,
    ),
}


def english(key):
    return LABELS[key].english
