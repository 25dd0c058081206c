"""Public pages served from the cache, and replaced the moment anything is published.

A cached page costs about what a static file does: no session, no database. Every
publication (and every change to the site settings or notices) moves the cache to a
new version, so no family ever sees a page older than the last publication.
"""

import hashlib
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
# A cached page is dropped after a day at most, however quiet the site.
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
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def _seconds_until_notice_changes():
    """A notice appears or goes at a set time: no cached page may outlive that moment."""
    from scr_site.leaflet.models import SiteNotice

    now = timezone.now()
    moments = [
        moment
        for notice in SiteNotice.objects.filter(published=True).only("starts_at", "ends_at")
        for moment in (notice.starts_at, notice.ends_at)
        if moment and moment > now
    ]
    return min([LONGEST, *[int((moment - now).total_seconds()) + 1 for moment in moments]])


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.never = (
            "/" + settings.ADMIN_PATH,
            "/preview/",
            "/markdownx/",
            settings.STATIC_URL,
        )

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.never):
            return self.get_response(request)
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        # Query strings are ignored: no public page uses one, and they would let anyone fill the cache.
        key = f"page-cache:{_version()}:{request.get_host()}:{request.path}:{'gz' if gzip else 'id'}"
        entry = cache.get(key)
        if entry is None:
            response = self.get_response(request)
            if not (
                getattr(response, "cacheable", False) and response.status_code == 200 and not response.cookies
            ):
                return response
            entry = self._entry(response, gzip)
            cache.set(key, entry, timeout=_seconds_until_notice_changes())
        return self._respond(request, entry)

    @staticmethod
    def _entry(response, gzip):
        body = response.content
        etag = hashlib.sha256(body).hexdigest()[:32]
        encoding = None
        if gzip and len(body) > 200:
            body, encoding, etag = compress_string(body), "gzip", etag + "-gz"
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return {"body": body, "headers": headers, "etag": f'"{etag}"', "encoding": encoding}

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
