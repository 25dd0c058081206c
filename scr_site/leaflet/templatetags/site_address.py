"""The site's own address for a page, as printed and shared: never taken from the request's headers."""

from django import template
from django.conf import settings
from django.utils.encoding import escape_uri_path

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's public address: the configured site address and the page's path.

    Public pages are cached and served to everyone, so nothing a visitor sends (a query
    string, a Host or X-Forwarded-Host header) may appear in them.
    """
    request = context.get("request")
    return settings.SITE_URL.rstrip("/") + escape_uri_path(request.path if request else "/")
