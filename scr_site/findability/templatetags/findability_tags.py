"""The <head> of a public page: its one canonical address, link-preview tags and JSON-LD."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, to_locale

from scr_site.paths import canonical_address

from .. import structured_data as schema

register = template.Library()


def site_url():
    return settings.SITE_URL.rstrip("/")


def language_tag():
    """The page's language as HTML and schema.org write it, e.g. en-GB."""
    language, _, region = (get_language() or settings.LANGUAGE_CODE).partition("-")
    return f"{language}-{region.upper()}" if region else language


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page at the site's public address, whatever host or query string it was asked for with."""
    return canonical_address(context["request"])


@register.simple_tag
def og_locale():
    return to_locale(get_language() or settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def structured_data(context, title, description):
    """JSON-LD for the leaflet (questions and boards included) or page in the context."""
    leaflet = context.get("leaflet")
    page = schema.web_page(
        url=canonical_url(context),
        title=title,
        description=description,
        language=language_tag(),
        modified=context["last_updated"],
        reviewed=(leaflet or context["page"]).last_reviewed_on,
    )
    if leaflet is None:
        return schema.script_block([page])
    boards = context["boards"]
    return schema.script_block(
        [
            schema.faq_page(page, site_url(), context["questions"], boards),
            *[schema.organisation(site_url(), board) for board in boards],
        ]
    )
