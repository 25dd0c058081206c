"""The site's own address for a page, as printed and shared: never taken from the request's headers."""

from django import template

from scr_site.paths import canonical_address

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return canonical_address(context.get("request"))
