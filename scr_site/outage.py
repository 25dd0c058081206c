"""The page families get when a page cannot be built and no copy of it is saved.

It answers 503 and gives both boards' names, telephone numbers and email addresses, and
the exit button. It is rendered at each publication, while the database answers, and
stored whole: in the shared cache (Redis), where every instance finds the newest one, and
in a file on this instance's disk, for when Redis is down as well. Serving it needs
neither the database, nor Redis, nor Django's templates.

It is also written when the database is migrated, as each release does, so a deployment
has one before anything is next published. Every publication starts a new page-cache
version; the first time an instance sees a new version it copies the shared page to its
own disk, so each instance's file stays current without the database. An instance started
while the database is down serves the shared page, or else its file from an earlier run,
or else the plain page shipped with the site (static/outage.html), which names the boards.
"""

import logging
import os

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_migrate
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

CACHE_KEY = "outage-page"
SHIPPED = settings.BASE_DIR / "static" / "outage.html"
RETRY_AFTER_SECONDS = 60

_seen_version = None


def render():
    from scr_site.leaflet.models import Board, SiteSettings

    context = {
        "boards": Board.objects.published_list(),
        "exit_url": SiteSettings.load().exit_url,
        "static_url": settings.STATIC_URL,
    }
    return render_to_string("outage.html", context).encode()


def publish():
    """Render the page from what is published now, and store it where it is looked for.

    A failure is logged, never raised: it must not stop a publication or a page.
    """
    try:
        html = render()
    except Exception:
        logger.exception("The outage page could not be rendered; the copy saved earlier is kept.")
        return
    if settings.CACHE_IS_SHARED:
        cache.set(CACHE_KEY, html, timeout=None)
    _write(html)


def keep_current(version):
    """Bring this instance's copy up to date the first time it sees a new cache version."""
    global _seen_version
    if version is None or version == _seen_version:
        return
    _seen_version = version
    shared = cache.get(CACHE_KEY) if settings.CACHE_IS_SHARED else None
    on_disk = _read()
    if shared is not None:
        if shared != on_disk:
            _write(shared)
    elif on_disk is not None and settings.CACHE_IS_SHARED:
        # Redis lost its data (a restart): give it back the copy this instance has.
        cache.add(CACHE_KEY, on_disk, timeout=None)


def _after_migrate(app_config, **kwargs):
    # Each release runs migrate: a deployment has its page before anything is next published.
    if app_config.name == "scr_site.leaflet":
        publish()


post_migrate.connect(_after_migrate, dispatch_uid="outage-page-after-migrate")


def page():
    """The newest copy at hand, without the database or templates."""
    if settings.CACHE_IS_SHARED:
        shared = cache.get(CACHE_KEY)
        if shared is not None:
            return shared
    return _read() or SHIPPED.read_bytes()


def response():
    response = HttpResponse(page(), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _read():
    try:
        return settings.OUTAGE_PAGE_FILE.read_bytes()
    except OSError:
        return None


def _write(html):
    path = settings.OUTAGE_PAGE_FILE
    # Written whole and renamed into place, so a reader never sees half a page.
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        partial.write_bytes(html)
        os.replace(partial, path)
    except OSError as error:
        logger.warning("The outage page could not be written to %s (%s).", path, error)
