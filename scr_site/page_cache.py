"""Public pages served from the cache, and replaced the moment anything is published.

A cached page costs about what a static file does: one cache round trip, no session,
no database. Every publication (and every change to the site settings or notices)
moves the cache to a new version, and an entry from an older version is never served.
The version lives in Redis when there is one; otherwise in a small file that every
worker process on the machine reads.
A page is also never served past the moment a site notice starts or ends.
"""

import hashlib
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.text import compress_string

VERSION_KEY = "page-cache:version"
# However quiet the site, a cached page is rebuilt at least daily.
LONGEST = 24 * 60 * 60
KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified")


def invalidate(**kwargs):
    """Start a new cache version now, and again when the transaction commits.

    Now, so this process never serves the old page; again at commit, in case another
    request cached the old content before the new was committed.
    """
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    stamp = settings.PAGE_CACHE_STAMP_FILE
    if stamp:
        # Written whole and renamed into place, so a reader never sees half a number.
        partial = stamp.with_name(f"{stamp.name}.{os.getpid()}")
        partial.write_text(str(time.time_ns()))
        os.replace(partial, stamp)
    else:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


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


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.never = ("/" + settings.ADMIN_PATH, "/preview/", "/markdownx/", settings.STATIC_URL)

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.never):
            return self.get_response(request)
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        # Query strings are ignored: no public page uses one, and they would let anyone fill the cache.
        key = f"page-cache:{request.get_host()}:{request.path}:{'gz' if gzip else 'id'}"
        found = cache.get_many([VERSION_KEY, key])
        version, entry = _current_version(found), found.get(key)
        now = timezone.now().timestamp()
        if entry is None or entry["version"] != version or entry["valid_until"] <= now:
            response = self.get_response(request)
            if not (
                getattr(response, "cacheable", False) and response.status_code == 200 and not response.cookies
            ):
                return response
            entry = self._entry(response, gzip, version)
            cache.set(key, entry, timeout=max(1, int(entry["valid_until"] - now) + 1))
        return self._respond(request, entry)

    @staticmethod
    def _entry(response, gzip, version):
        body = response.content
        etag = hashlib.sha256(body).hexdigest()[:32]
        encoding = None
        if gzip and len(body) > 200:
            body, encoding, etag = compress_string(body), "gzip", etag + "-gz"
        return {
            "version": version,
            "valid_until": _valid_until(),
            "body": body,
            "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            "etag": f'"{etag}"',
            "encoding": encoding,
        }

    @staticmethod
    def _respond(request, entry):
        response = HttpResponse(entry["body"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["ETag"] = entry["etag"]
        if entry["encoding"]:
            response["Content-Encoding"] = entry["encoding"]
        patch_vary_headers(response, ["Accept-Encoding"])
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        last_modified = parse_http_date_safe(entry["headers"].get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=last_modified, response=response
        )
