"""The top-level addresses the site itself uses, in one place.

Footer pages live at the top of the site (/privacy/), beside these, so a page may not
take one; and the page cache never stores what is under the staff-only ones.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.encoding import escape_uri_path

HEALTH_PATH = "/healthz"


def staff_only_prefixes():
    """Addresses only staff use: never cached, never listed for search engines."""
    return ("/" + settings.ADMIN_PATH, "/preview/", "/markdownx/")


def reserved_slugs():
    """First path segments a footer page's web address may not use: the site's own, and language codes.

    These are the codes Django knows; the board's own languages, stored in the database, are
    added by the Page model, so this module stays below the models it serves.
    """
    return set(LANG_INFO) | {
        "leaflets",
        "preview",
        "markdownx",
        "static",
        "feedback",
        HEALTH_PATH.strip("/"),
        settings.ADMIN_PATH.strip("/").split("/")[0],
    }


def canonical_address(request):
    """A page's public address: the configured site address and the page's path.

    Public pages are cached and served to everyone, so nothing a visitor sends (a query
    string, a Host or X-Forwarded-Host header) may appear in them.
    """
    return settings.SITE_URL.rstrip("/") + escape_uri_path(request.path if request else "/")
