"""The site's own settings, with each parallel test worker kept apart from the others.

`make test` runs the suite in two processes (pytest-xdist). Each has its own test database
already; here each also gets its own Redis database and its own page-cache stamp file, so
one worker clearing its cache or publishing never touches the other's.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from scr_site.settings import *  # noqa: F403 (the site's settings, unchanged but for the below)
from scr_site.settings import CACHES, PAGE_CACHE_STAMP_FILE

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_NUMBER = int(WORKER.removeprefix("gw") or 0)

if WORKER_NUMBER and "LOCATION" in CACHES["default"]:
    parts = urlsplit(CACHES["default"]["LOCATION"])
    database = int(parts.path.strip("/") or 0) + WORKER_NUMBER
    CACHES["default"]["LOCATION"] = urlunsplit(parts._replace(path=f"/{database}"))

if WORKER and PAGE_CACHE_STAMP_FILE:
    PAGE_CACHE_STAMP_FILE = PAGE_CACHE_STAMP_FILE.with_name(f"{PAGE_CACHE_STAMP_FILE.name}-{WORKER}")

# Passwords are hashed with Django's production hasher (PBKDF2, about 0.3 s a hash) on the live
# site; the suite creates and signs in hundreds of staff accounts, so it uses a fast hash, as
# Django's testing documentation advises. Nothing in the suite depends on the hash's strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
