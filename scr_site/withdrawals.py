"""Nothing taken off the site comes back from a saved copy of a page during an outage.

A saved copy (scr_site/saved_pages.py) is what families get when a page cannot be built.
What is withdrawn (scr_site/leaflet/public_changes.py) is usually on many pages: a deleted
footer page is linked from every page, a language no longer offered is in every page's
language links. So saved copies are not tracked by address: each carries the withdrawal
mark that was current when its page was built, and a copy is served only under that mark.

- The mark is a new unique token at each withdrawal, written once the withdrawal has
  committed (page_cache.AtCommit, queued with transaction.on_commit), never before.
- A page records the mark read at the start of its request, in the same cache round trip
  as the page-cache version and the page, before any content is read. A copy carrying the
  current mark was therefore built from content read after that mark was written, when
  every withdrawal before it had committed; a withdrawal committed later writes a new mark.
- Marks are compared for equality, never for order (unlike the version numbers, which are
  times from each instance's own clock, they are not "no older than"), so neither clocks
  nor the order in which two processes' writes land matter: whichever write lands last,
  every copy built before it carries another mark. No lock is needed.
- Fresh pages (the current page-cache version) are served as before: the version moves on
  at every publication, withdrawals included. The mark only decides which older copies
  may stand in for a page that cannot be built.

Where it lives:

- in Redis, beside the page-cache version, for every instance;
- without Redis, in a file beside the page-cache stamp file, for every worker on the machine
  (written whole and renamed into place, as the stamp is);
- in this process's memory: the last mark it has read or written, used when Redis cannot be
  reached. When it meets a new mark it drops its own copies made under any other, so the
  copies it keeps for when Redis is down as well never outlive a withdrawal it has seen.
  It never goes back to a mark it has replaced, which a request that read the store a
  moment before the replacement would otherwise bring back.

Losing it:

- Redis restarting empty loses the mark along with the saved copies: the next request writes
  a new one, and every process drops the copies it kept itself, since a withdrawal may have
  been lost with the old mark.
- Redis unreachable when a withdrawal commits: the new mark holds in this process at once,
  and a newer one is written when Redis answers again, before any request here uses it
  (redis_cache.cache_recovered). Newer, not the same: the write that seemed to fail may have
  landed, and another withdrawal since may have replaced it.
- An instance that cannot reach Redis learns of a withdrawal made elsewhere only when it
  reaches Redis again; until then, if the database fails as well, it may serve the copies it
  keeps itself. Nothing shared is left to tell it.
"""

import logging
import os
import secrets
import threading
import time
from collections import deque

from django.conf import settings
from django.core.cache import cache

from scr_site import saved_pages
from scr_site.redis_cache import cache_recovered

logger = logging.getLogger(__name__)

MARK_KEY = "page-cache:withdrawn"


class ProcessMark:
    """The mark this process holds: the newest it has read or written, never one it has replaced."""

    def __init__(self, remembered=64):
        self.mark = None
        # Its own withdrawal's mark, not yet written where other processes read it.
        self.unannounced = False
        # A request that read the store just before a new mark was written must not bring
        # the old one back (marks are never reused, so a replaced one is never current again).
        self._replaced = deque(maxlen=remembered)
        self._lock = threading.Lock()

    def read(self, stored):
        """The store holds `stored`: hold it, unless this process knows better."""
        if stored == self.mark:
            # Every request but the first after a withdrawal: no lock needed to change nothing.
            return
        with self._lock:
            if self.unannounced or stored == self.mark or stored in self._replaced:
                return
            self._replace(stored)
        saved_pages.local_copies.keep_only(stored)

    def hold(self, mark, unannounced):
        with self._lock:
            self._replace(mark)
            self.unannounced = unannounced
        saved_pages.local_copies.keep_only(mark)

    def announced(self, mark):
        with self._lock:
            if self.mark == mark:
                self.unannounced = False

    def _replace(self, mark):
        if self.mark is not None:
            self._replaced.append(self.mark)
        self.mark = mark


process_mark = ProcessMark()


def new_mark():
    # The time only helps whoever reads it in Redis or the file: marks are compared for equality.
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def current(found=None):
    """The mark a page built now carries, and that a saved copy must carry to stand in for it.

    Read from `found` (the page cache's get_many) or the file, unless this process knows of a
    newer one; from this process's memory when neither can be reached. Whatever this process
    holds was written after its withdrawal committed, and the page is read after this call.
    """
    stored = _stored(found)
    if stored is not None:
        process_mark.read(stored)
    return process_mark.mark


def _stored(found):
    path = _file()
    if path is None:
        mark = (found if found is not None else cache.get_many([MARK_KEY])).get(MARK_KEY)
        if mark is None:
            # A new Redis, or one restarted empty: what it lost may have included a withdrawal.
            cache.add(MARK_KEY, new_mark(), timeout=None)
            mark = cache.get(MARK_KEY)
        return mark
    try:
        try:
            return path.read_text()
        except FileNotFoundError:
            _write_file(path, new_mark())
            return path.read_text()
    except OSError as error:
        logger.error("The withdrawal mark could not be read from %s (%s).", path, error)
        return None


def withdrawn():
    """A withdrawal has committed: no copy built before now is served again."""
    mark = new_mark()
    # Held here first: this process's own copies from before stop being served at once.
    process_mark.hold(mark, unannounced=True)
    if _announce(mark):
        process_mark.announced(mark)


def _announce(mark):
    path = _file()
    if path is not None:
        try:
            _write_file(path, mark)
        except OSError as error:
            # Nothing will retry it: this process keeps the mark, and never goes back to the old one.
            logger.error("A withdrawal could not be recorded in %s (%s): other workers miss it.", path, error)
        return True
    # set_many names the keys it could not write; the Redis cache names them all while Redis is down.
    failed = cache.set_many({MARK_KEY: mark}, timeout=None)
    if failed:
        logger.warning("A withdrawal could not be recorded in the shared cache; it will be once it answers.")
    return not failed


def _write_file(path, mark):
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_text(mark)
    os.replace(partial, path)


def cache_keys():
    """What the page cache reads for the mark in its one round trip: the key, where the cache keeps it."""
    return () if _file() is not None else (MARK_KEY,)


def _file():
    stamp = settings.PAGE_CACHE_STAMP_FILE
    return stamp.with_name(f"{stamp.name}-withdrawn") if stamp else None


def _announce_after_outage(**kwargs):
    # Run by the thread that watches for Redis's return, before requests use Redis again; a
    # failure here is raised, so that thread tries again rather than reopen the cache.
    if process_mark.unannounced:
        mark = new_mark()
        cache.set(MARK_KEY, mark, timeout=None)
        process_mark.hold(mark, unannounced=False)


cache_recovered.connect(_announce_after_outage, dispatch_uid="withdrawal-mark-after-outage")
