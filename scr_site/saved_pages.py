"""The last good copy of every public page, for when a page cannot be built.

A page's cache entry is kept for KEEP, whatever cache version it was built for: a
publication makes it out of date, not gone, so it is still there to serve if the page
cannot be rebuilt. Entries are keyed by host, path and encoding, so every language (its
own path) and both encodings have their own.

A withdrawal is different: what was taken off the site must not come back. Each entry
carries the withdrawal mark current when it was built (scr_site/withdrawals.py), and a
copy stands in for a page only under that same mark, so a copy built before any later
withdrawal is never served, whichever pages the withdrawn item was on.

Each process also keeps its own copies of the pages it has served lately, bounded by
MAX_PAGES and MAX_BYTES, for when Redis is down as well as the database.
"""

import threading
from collections import OrderedDict

from django.core.cache import cache

KEEP = 30 * 24 * 60 * 60
# Written beside every saved page, one per withdrawal mark, so /healthz can tell whether
# there is anything it may serve now.
MARKER = "page-cache:saved"
MAX_PAGES = 100
MAX_BYTES = 4 * 1024 * 1024


# A copy saved before copies carried marks has none, and matches no mark.
_NO_MARK = object()


def built_under(entry, mark):
    """Whether `entry` was built under the withdrawal mark `mark`, and so may stand in under it."""
    return entry.get("withdrawals", _NO_MARK) == mark


def _same_copy(entry, other):
    return entry["etag"] == other["etag"] and entry.get("withdrawals") == other.get("withdrawals")


class LocalCopies:
    """This process's own copies of page entries, oldest dropped first."""

    def __init__(self, max_pages=MAX_PAGES, max_bytes=MAX_BYTES):
        self.max_pages = max_pages
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._entries)

    def get(self, key):
        return self._entries.get(key)

    def keep(self, key, entry):
        current = self._entries.get(key)
        # The usual case, a page served again from the cache, costs one lookup.
        if current is not None and _same_copy(current, entry):
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = entry
            self._bytes += len(entry["body"])
            while len(self._entries) > self.max_pages or self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def drop(self, key):
        with self._lock:
            self._drop(key)

    def keep_only(self, mark):
        """A new withdrawal mark: the copies made under any other can never be served again."""
        with self._lock:
            for key in [key for key, entry in self._entries.items() if not built_under(entry, mark)]:
                self._drop(key)

    def any_with(self, mark):
        return any(built_under(entry, mark) for entry in list(self._entries.values()))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key):
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry["body"])


local_copies = LocalCopies()


def _marker(mark):
    return f"{MARKER}:{mark}"


def save(key, entry):
    """Keep a page just built, in the shared cache and in this process."""
    cache.set_many({key: entry, _marker(entry["withdrawals"]): True}, timeout=KEEP)
    local_copies.keep(key, entry)


def seen(key, entry):
    """A page served from the shared cache: this process keeps a copy too."""
    local_copies.keep(key, entry)


def discard(key):
    """The address no longer has a page (withdrawn, moved): never serve the old one from it."""
    cache.delete(key)
    local_copies.drop(key)


def last_good(key, cached_entry, mark):
    """The newest copy at hand built under `mark`: the shared cache's, or else this process's own."""
    for entry in (cached_entry, local_copies.get(key)):
        if entry is not None and built_under(entry, mark):
            return entry
    return None


def any_saved(mark):
    """Whether any copy could be served now, under the withdrawal mark `mark`."""
    return local_copies.any_with(mark) or cache.has_key(_marker(mark))
