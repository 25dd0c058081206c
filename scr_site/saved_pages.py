"""The last good copy of every public page, for when a page cannot be built.

A page's cache entry is kept for KEEP, whatever cache version it was built for: a
publication makes it out of date, not gone, so it is still there to serve if the page
cannot be rebuilt. Entries are keyed by host, path and encoding, so every language (its
own path) and both encodings have their own.

Each process also keeps its own copies of the pages it has served lately, bounded by
MAX_PAGES and MAX_BYTES, for when Redis is down as well as the database.
"""

import threading
from collections import OrderedDict

from django.core.cache import cache

KEEP = 30 * 24 * 60 * 60
# Written beside every saved page, so /healthz can tell whether there is anything to serve.
MARKER = "page-cache:saved"
MAX_PAGES = 100
MAX_BYTES = 4 * 1024 * 1024


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
        if current is not None and current["etag"] == entry["etag"]:
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

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key):
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry["body"])


local_copies = LocalCopies()


def save(key, entry):
    """Keep a page just built, in the shared cache and in this process."""
    cache.set_many({key: entry, MARKER: True}, timeout=KEEP)
    local_copies.keep(key, entry)


def seen(key, entry):
    """A page served from the shared cache: this process keeps a copy too."""
    local_copies.keep(key, entry)


def discard(key):
    """The address no longer has a page (withdrawn, moved): never serve the old one from it."""
    cache.delete(key)
    local_copies.drop(key)


def last_good(key, cached_entry):
    """The newest copy at hand: the shared cache's, or failing that this process's own."""
    return cached_entry or local_copies.get(key)


def any_saved():
    return bool(local_copies) or cache.has_key(MARKER)
