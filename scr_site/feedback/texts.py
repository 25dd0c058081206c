"""Everything the feedback views say to families, in one place so it can be translated.

The forms themselves and the thank-you and error pages are worded in templates/feedback/.
Each refusal says what happened and what to do next, in plain words.
"""

THANK_YOU = "Thank you for your feedback"

# Why a post was not accepted: (page heading, explanation).
NOT_SENT = "Your feedback was not sent"
REFUSALS = {
    "foreign_origin": (
        "Your feedback was not sent",
        "It came from another website, not from a page on this one, so we did not accept it. "
        "If you meant to send it, go back to the page on this website and use the form there.",
    ),
    "no_token": (
        "Your feedback was not sent",
        "Part of the form was missing, so we could not accept it. "
        "Go back to the page, reload it, and try again.",
    ),
    "expired": (
        "Your feedback was not sent",
        "The page had been open for a long time, so the form had run out of time. "
        "It has been renewed: send it again.",
    ),
    "honeypot": (
        "Your feedback was not sent",
        "A box that must be left empty had something in it, so we could not accept it. "
        "Go back to the page and try again.",
    ),
    "too_many": (
        "Your feedback was not sent",
        "A lot of feedback has been sent from your internet connection in the last hour. "
        "Please try again in an hour.",
    ),
    "invalid": (
        "Your feedback was not sent",
        "There is a problem with what you sent. Check it below and send it again.",
    ),
}

# Problems with what was typed or chosen, shown beside the field.
CHOOSE_YES_OR_NO = "Choose Yes or No."
DESCRIBE_THE_PROBLEM = "Write what is wrong with this page before you press Send."
NO_NULL_CHARACTERS = "Your message contains a character that cannot be saved. Remove it and try again."


def too_long(limit, length):
    return f"Your message must be {limit:,} characters or fewer. It has {length:,}."


# When the database cannot be reached, so nothing can be saved.
UNAVAILABLE = (
    "Your feedback could not be saved",
    "The website cannot save feedback at the moment. Please try again later.",
)
# Someone opened a feedback form's address directly.
ONLY_FROM_THE_FORM = (
    "There is nothing to see at this address",
    "This address receives the feedback form at the end of each page.",
)
