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
    "leaflet_description": Label(
        "Information for families about Serious Case Reviews in Cambridgeshire and Peterborough: what a "
        "review is, why it is carried out, who sees the report and how long it takes.",
        "The leaflet's summary in search results and link previews, where it has none of its own",
        300,
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
    # --- "Is this page useful?" and "Report a problem", at the end of every page ---
    "feedback_heading": Label(
        "Feedback on this page", "Read out by screen readers before the feedback forms", 60
    ),
    "feedback_question": Label("Is this page useful?", "The question at the end of every page", 60),
    "feedback_yes": Label("Yes", "The answer button", 12),
    "feedback_yes_said": Label("this page is useful", "Read out by screen readers after 'Yes'", 60),
    "feedback_no": Label("No", "The answer button", 12),
    "feedback_no_said": Label("this page is not useful", "Read out by screen readers after 'No'", 60),
    "feedback_report": Label(
        "Report a problem with this page", "The link to the problem form, and its heading", 60
    ),
    "feedback_no_names": Label(
        "Do not include names or personal details", "In bold, above the problem box", 80
    ),
    "feedback_no_names_more": Label(
        ", such as an email address, a telephone number or a date of birth.",
        "Follows 'Do not include names or personal details'",
        120,
    ),
    "feedback_not_urgent": Label("This form is not for urgent help.", "In bold, above the problem box", 80),
    "feedback_not_read_now": Label(
        "Nobody reads it straight away.", "Follows 'This form is not for urgent help.'", 80
    ),
    "feedback_danger": Label(
        "If a child is in immediate danger, call 999.",
        "Above the problem box. Keep the number 999 as it is: it becomes a link.",
        100,
    ),
    "feedback_talk": Label(
        "To talk to someone about a Serious Case Review, call:", "Before the boards' telephone numbers", 100
    ),
    "feedback_what_is_wrong": Label("What is wrong with this page?", "The problem box's label", 60),
    "feedback_up_to": Label("Up to {count} characters.", "Under the problem box. Keep {count} as it is.", 60),
    "feedback_send": Label("Send", "The problem form's button", 20),
    "feedback_error": Label("Error:", "Read out by screen readers before what is wrong", 20),
    "feedback_leave_empty": Label("Leave this box empty", "A hidden box that catches robots", 40),
    "feedback_thanks": Label("Thank you for your feedback", "After feedback is sent", 60),
    "feedback_thanks_more": Label(
        "It helps the boards make this website clearer for families.", "On the thank-you page", 120
    ),
    "feedback_go_back": Label(
        "Go back to the page you were reading", "The link back from the thank-you page", 60
    ),
    "feedback_not_sent": Label(
        "Your feedback was not sent", "Heading when feedback could not be accepted", 60
    ),
    "feedback_try_later": Label(
        "Your feedback could not be sent. Please try again later.",
        "When sending failed, with JavaScript",
        120,
    ),
    "feedback_offline": Label(
        "Your feedback could not be sent. Check your internet connection and try again.",
        "When the website could not be reached, with JavaScript",
        120,
    ),
    "feedback_refused_origin": Label(
        "It came from another website, not from a page on this one, so we did not accept it. If you meant to "
        "send it, go back to the page on this website and use the form there.",
        "Feedback sent from another website",
    ),
    "feedback_refused_token": Label(
        "Part of the form was missing, so we could not accept it. Go back to the page, reload it, and try "
        "again.",
        "Feedback without the form's hidden code",
    ),
    "feedback_refused_expired": Label(
        "The page had been open for a long time, so the form had run out of time. It has been renewed: send "
        "it again.",
        "Feedback from a page left open too long",
    ),
    "feedback_refused_honeypot": Label(
        "A box that must be left empty had something in it, so we could not accept it. Go back to the page "
        "and try again.",
        "Feedback with the hidden box filled in",
    ),
    "feedback_refused_too_many": Label(
        "A lot of feedback has been sent from your internet connection in the last hour. Please try again in "
        "an hour.",
        "Too much feedback from one connection",
    ),
    "feedback_refused_invalid": Label(
        "There is a problem with what you sent. Check it below and send it again.",
        "Feedback that needs changing",
    ),
    "feedback_choose": Label("Choose Yes or No.", "When neither answer was sent", 60),
    "feedback_describe": Label(
        "Write what is wrong with this page before you press Send.", "When the problem box was empty", 100
    ),
    "feedback_bad_character": Label(
        "Your message contains a character that cannot be saved. Remove it and try again.",
        "When the message has a character that cannot be stored",
        120,
    ),
    "feedback_too_long": Label(
        "Your message must be {limit} characters or fewer. It has {length}.",
        "When the message is too long. Keep {limit} and {length} as they are.",
        120,
    ),
    "feedback_nothing_here": Label(
        "There is nothing to see at this address", "Heading when the feedback address is opened directly", 60
    ),
    "feedback_nothing_here_more": Label(
        "This address receives the feedback form at the end of each page.", "Follows that heading", 120
    ),
}


def english(key):
    return LABELS[key].english
