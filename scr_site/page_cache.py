"""Public pages served from the cache, and replaced the moment anything is published.

A cached page costs about what a static file does: one cache round trip, no session,
no database. Every publication (and every change to the site settings or notices)
moves the cache to a new version, and an entry from an older version is never served
while the page can be built afresh. The version lives in Redis when there is one;
otherwise in a small file that every worker process on the machine reads.
A page is also never served past the moment a site notice starts or ends.

Browsers check with the site before every reuse (`no-cache`), and the check is cheap: a
304 from the cache. When a page cannot be built because the database fails, families get
its last good copy (scr_site/saved_pages.py), marked with a Warning header, or, if there
is none, the outage page with the boards' contact details (scr_site/outage.py). A copy
built before something was taken off the site is never a good copy: each carries the
withdrawal mark it was built under, read with the version (scr_site/withdrawals.py).
"""

import hashlib
import logging
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.text import compress_string

from scr_site import outage, saved_pages, withdrawals
from scr_site.paths import staff_only_prefixes
from scr_site.redis_cache import cache_recovered

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
# However quiet the site, a cached page is rebuilt at least daily.
LONGEST = 24 * 60 * 60
KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified")
# A shared cache (a CDN) may answer from its copy for this long while it checks for a new one.
STALE_WHILE_REVALIDATE = 60
STALE_WARNING = '110 - "Response is Stale"'


def invalidate(withdrawal=False, **kwargs):
    """Start a new cache version now, and again when the transaction commits.

    Now, so this process never serves the old page; again at commit, in case another
    request cached the old content before the new was committed (AtCommit: queued with
    each call, done once per transaction). `withdrawal` says the change took something off the site
    (scr_site/leaflet/public_changes.py).
    """
    _new_version()
    work = _work_at_next_commit()
    work.withdrawal = work.withdrawal or withdrawal
    transaction.on_commit(work.run, robust=True)


class AtCommit:
    """What the page cache does once a change is committed: done once, however many rows changed.

    A leaflet's publication changes dozens of rows, each queueing `run`; the first to run does
    the work, as a withdrawal if any of the changes was one. In this order: a new withdrawal
    mark (scr_site/withdrawals.py), so no saved copy from before is served from then on; the
    outage page; then the version every instance watches, since each copies the shared outage
    page when it first sees a new version.
    """

    def __init__(self):
        self.withdrawal = False
        self.done = False

    def run(self):
        if self.done:
            return
        self.done = True
        if self.withdrawal:
            withdrawals.withdrawn()
        outage.publish()
        _new_version()


def _work_at_next_commit():
    # Kept on the connection until it runs. If its transaction is rolled back instead, the next
    # transaction's changes take it over: at worst a withdrawal that never happened is recorded,
    # and saved copies are given up that could have been kept.
    connection = transaction.get_connection()
    work = getattr(connection, "page_cache_at_commit", None)
    if work is None or work.done:
        work = connection.page_cache_at_commit = AtCommit()
    return work


def _new_version(**kwargs):
    stamp = settings.PAGE_CACHE_STAMP_FILE
    if stamp:
        # Written whole and renamed into place, so a reader never sees half a number.
        partial = stamp.with_name(f"{stamp.name}.{os.getpid()}")
        partial.write_text(str(time.time_ns()))
        os.replace(partial, stamp)
    else:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


# Whatever was published while Redis was unreachable never reached its version number.
cache_recovered.connect(_new_version, dispatch_uid="page-cache-new-version-after-outage")


def _current_version(found):
    stamp = settings.PAGE_CACHE_STAMP_FILE
    if stamp:
        # Each worker has its own memory cache; the file is shared by them all.
        try:
            return stamp.read_text()
        except FileNotFoundError:
            return ""
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _valid_until():
    """When a page built now stops being right: the next moment a notice starts or ends."""
    from scr_site.leaflet.models import SiteNotice

    now = timezone.now()
    moments = [
        moment
        for notice in SiteNotice.objects.filter(show_to_families=True).only("starts_at", "ends_at")
        for moment in (notice.starts_at, notice.ends_at)
        if moment and moment > now
    ]
    return min([now.timestamp() + LONGEST, *[moment.timestamp() for moment in moments]])


class DatabaseOutage:
    """Logs once when pages start coming from saved copies, and once when they are built again."""

    def __init__(self):
        self.ongoing = False

    def began(self, error):
        if not self.ongoing:
            self.ongoing = True
            logger.error("The database is not answering (%s): serving saved pages instead.", error)

    def ended(self):
        if self.ongoing:
            self.ongoing = False
            logger.warning("The database is answering again: pages are built afresh.")


database_outage = DatabaseOutage()


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.never = (*staff_only_prefixes(), settings.STATIC_URL)

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.never):
            return self.get_response(request)
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        # Query strings are ignored: no public page uses one, and they would let anyone fill the cache.
        key = f"page-cache:{request.get_host()}:{request.path}:{'gz' if gzip else 'id'}"
        found = cache.get_many([VERSION_KEY, key, *withdrawals.cache_keys()])
        version, entry = _current_version(found), found.get(key)
        outage.keep_current(version)
        now = timezone.now().timestamp()
        if entry is not None and entry["version"] == version and entry["valid_until"] > now:
            saved_pages.seen(key, entry)
            return _respond(request, entry)

        # Read before any content is: a page built from here on carries this mark. (A page served
        # above is current, whatever the mark: only a page built or stood in for needs it.)
        mark = withdrawals.current(found)
        request.page_cache_attempt = (key, entry, mark)
        response = self.get_response(request)
        if getattr(response, "page_cache_fallback", False):
            return response
        if response.status_code >= 500:
            # Raised outside the view (Django has logged it): a saved copy is still better.
            stale = saved_pages.last_good(key, entry, mark)
            if stale is not None:
                return _stale(request, stale)
            if not database_answers():
                database_outage.began("a page failed and the database does not answer")
                return _outage()
            return response
        if getattr(response, "cacheable", False) and response.status_code == 200 and not response.cookies:
            entry = _entry(response, gzip, version, mark)
            saved_pages.save(key, entry)
            database_outage.ended()
            return _respond(request, entry)
        if entry is not None and response.status_code != 200:
            # Withdrawn or moved: an outage must not bring the old page back.
            saved_pages.discard(key)
        return response

    def process_exception(self, request, exception):
        attempt = getattr(request, "page_cache_attempt", None)
        if attempt is None or not isinstance(exception, DatabaseError):
            return None
        # Handled here, so the outage is logged once rather than a traceback per request.
        database_outage.began(exception)
        stale = saved_pages.last_good(*attempt)
        return _outage() if stale is None else _stale(request, stale)


def _stale(request, entry):
    """The last good copy of a page that could not be built."""
    response = _respond(request, entry)
    response["Warning"] = STALE_WARNING
    return _fallback(response)


def _outage():
    return _fallback(outage.response())


def _fallback(response):
    response.page_cache_fallback = True
    # The outage is logged once (DatabaseOutage); Django would log each 503 as an error.
    response._has_been_logged = True
    return response


def _entry(response, gzip, version, mark):
    body = response.content
    etag = hashlib.sha256(body).hexdigest()[:32]
    encoding = None
    if gzip and len(body) > 200:
        body, encoding, etag = compress_string(body), "gzip", etag + "-gz"
    return {
        "version": version,
        "withdrawals": mark,
        "valid_until": _valid_until(),
        "body": body,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "etag": f'"{etag}"',
        "encoding": encoding,
    }


def _respond(request, entry):
    response = HttpResponse(entry["body"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = entry["etag"]
    if entry["encoding"]:
        response["Content-Encoding"] = entry["encoding"]
    patch_vary_headers(response, ["Accept-Encoding"])
    # Browsers check before every reuse, so a publication shows at the next view; any cache
    # may go on serving its copy while the site is failing.
    patch_cache_control(
        response,
        public=True,
        no_cache=True,
        stale_while_revalidate=STALE_WHILE_REVALIDATE,
        stale_if_error=settings.PUBLIC_PAGE_STALE_IF_ERROR,
    )
    last_modified = parse_http_date_safe(entry["headers"].get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=last_modified, response=response
    )
