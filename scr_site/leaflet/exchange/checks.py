"""What a translation must keep from the English it translates.

Markdown is compared as families would get it: both texts are rendered and sanitised
exactly as on save, then their links (with their addresses), bold terms and list items
are counted. A link whose address the site would strip (javascript:, data: ...) counts
as a link with no address, so it never matches the English.
"""

from collections import Counter
from html.parser import HTMLParser

from ..markdown import render
from .segments import PLACEHOLDER


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.bold, self.items = Counter(), 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links[dict(attrs).get("href")] += 1
        elif tag == "strong":
            self.bold += 1
        elif tag == "li":
            self.items += 1


def structure(text, top_heading):
    parser = _Structure()
    parser.feed(render(text, top_heading=top_heading))
    parser.close()
    return parser


def _links(english, translation):
    problems = []
    for href, count in (english.links - translation.links).items():
        times = f" {count} times" if count > 1 else ""
        problems.append(f"the link to {href} is missing{times}: keep every link the English has")
    for href, count in (translation.links - english.links).items():
        if href is None:
            problems.append(
                "it adds a link whose address the site does not allow (only https, http, mailto and tel)"
            )
        else:
            times = f" ({count} times)" if count > 1 else ""
            problems.append(f"it adds a link to {href}{times}, which the English does not have")
    return problems


def _counted(what, english, translation):
    if english == translation:
        return []
    return [f"it has {translation} {what} where the English has {english}"]


def problems_with(place, english, translation):
    """Why `translation` cannot stand for `english` at `place`, as short phrases; empty if it can."""
    problems = []
    if place.limit and len(translation) > place.limit:
        problems.append(f"it is {len(translation)} characters long; the limit here is {place.limit}")
    wanted, given = Counter(PLACEHOLDER.findall(english)), Counter(PLACEHOLDER.findall(translation))
    problems += [f"keep {name} exactly as it is" for name in wanted - given]
    problems += [f"it has {name}, which the English does not" for name in given - wanted]
    if place.markdown_heading is not None:
        before = structure(english, place.markdown_heading)
        after = structure(translation, place.markdown_heading)
        problems += _links(before, after)
        problems += _counted("bold terms (**…**)", before.bold, after.bold)
        problems += _counted("list items", before.items, after.items)
    return problems
