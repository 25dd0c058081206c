"""Markdown to safe HTML, done once when content is saved."""

import markdown
import nh3

# fmt: off
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr",
    "li", "ol", "p", "pre", "strong", "ul",
}
# fmt: on
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
}
# Anything else, including javascript: and data:, is dropped from links.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render(text, top_heading=3):
    """Return sanitised HTML for Markdown written by staff.

    Headings above `top_heading` are dropped to plain text: an answer sits under its
    <h2> question, so its own headings start at <h3>; a page's body starts at <h2>.
    """
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS - {f"h{level}" for level in range(1, top_heading)},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
