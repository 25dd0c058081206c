"""Markdown to safe HTML, done once when content is saved."""

import markdown
import nh3

# Answers sit under an <h2> question, so staff headings start at level 3.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
}
# Anything else, including javascript: and data:, is dropped from links.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render(text):
    """Return sanitised HTML for Markdown written by staff."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
