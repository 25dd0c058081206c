import re

from bs4 import BeautifulSoup


def page(response):
    """Parse a response as a person would read it."""
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    """The element's text as read aloud: tags removed, runs of white space collapsed."""
    return re.sub(r"\s+", " ", element.get_text()).strip()
