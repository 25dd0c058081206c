"""Schema.org JSON-LD for search engines, built from what the page shows (its published copies).

The leaflet is a WebPage that is also an FAQPage, with every question and its answer as
plain text; the boards are GovernmentOrganizations with their address and how to contact
them. Other pages are WebPages. The block is data, not script: browsers never run it, so the
Content Security Policy has nothing to allow.
"""

import html
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# So that no text inside the block can close the <script> element or open a comment.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def plain_text(rendered_html):
    """What a reader hears of some HTML: the words, without tags, entities or runs of space."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(rendered_html))).strip()


def international_telephone(board):
    """The board's number in international form, e.g. +441733863765."""
    return board.telephone_uri.removeprefix("tel:")


def board_id(site_url, board):
    return f"{site_url}/#board-{board.pk}"


def organisation(site_url, board):
    contact = {"@type": "ContactPoint", "contactType": "customer service", "email": board.email}
    telephone = international_telephone(board)
    if telephone:
        contact["telephone"] = telephone
    node = {
        "@type": "GovernmentOrganization",
        "@id": board_id(site_url, board),
        "name": board.name,
        "email": board.email,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(board.address_line_list),
            "addressLocality": board.town,
            "postalCode": board.postcode,
            "addressCountry": "GB",
        },
        "contactPoint": contact,
    }
    if telephone:
        node["telephone"] = telephone
    if board.website:
        node["url"] = board.website
    return node


def web_page(*, url, title, description, language, modified, reviewed=None):
    node = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": language,
        "dateModified": modified,
    }
    if reviewed:
        node["lastReviewed"] = reviewed
    return node


def faq_page(page, site_url, questions, boards):
    """The leaflet's page node as an FAQPage too, published by the boards."""
    return {
        **page,
        "@type": ["WebPage", "FAQPage"],
        "publisher": [{"@id": board_id(site_url, board)} for board in boards],
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(question.answer_html)},
            }
            for question in questions
        ],
    }


def script_block(nodes):
    """The nodes as one JSON-LD <script> data block, safe to put in the page."""
    data = json.dumps({"@context": "https://schema.org", "@graph": nodes}, cls=DjangoJSONEncoder)
    return mark_safe(f'<script type="application/ld+json">{data.translate(_ESCAPES)}</script>')  # noqa: S308
