"""Django's Redis cache, which the site can lose without failing.

Redis only holds copies (of pages, and of the outage page), so when it is down, hung or
refusing connections the site carries on as if the cache were empty and kept nothing:
`get` gives the default, `add` succeeds, writes are dropped and `incr` finds no key.

- Every call has a short timeout (`socket_timeout` and `socket_connect_timeout` in OPTIONS).
- After a failure the process stops asking Redis at all (a circuit breaker): one background
  thread pings it every `retry_after` seconds, and requests use Redis again once it answers.
  A hung Redis costs one timeout per process, not one per request.
- The outage is logged once when it starts and once when it ends, and `cache_recovered` is
  sent at the end: anything written while Redis was unreachable was lost, so the page
  cache starts a new version, and a withdrawal this process made meanwhile is recorded
  again (scr_site/withdrawals.py), so no page from before the outage is served.

Django builds a new redis.Redis object for every cache call, which with redis-py 8 costs
more than the call itself. A client is thread-safe and only wraps its pool, so one per pool
is enough; the pools, and so the connections, are Django's as before.
"""

import logging
import threading
import urllib.parse

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent (with `location`) when Redis answers again after an outage.
cache_recovered = Signal()

DEFAULT_RETRY_AFTER = 5


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _without_password(location):
    parts = urllib.parse.urlsplit(location)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


class Breaker:
    """Whether this process is leaving one Redis alone, and the thread that notices its return."""

    def __init__(self, location, ping, retry_after):
        self.location = location
        self.retry_after = retry_after
        self.open = False
        self._ping = ping
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._watcher = None

    def failed(self, error):
        with self._lock:
            if self.open:
                return
            self.open = True
        logger.warning(
            "The Redis cache at %s is not answering (%s). Pages are built from the database "
            "until it answers again.",
            _without_password(self.location),
            error,
        )
        threading.Thread(target=self._wait_for_redis, name="redis-breaker", daemon=True).start()

    def _wait_for_redis(self):
        self._watcher = threading.get_ident()
        while not self._stopped.wait(self.retry_after):
            try:
                self._ping()
            except RedisError:
                continue
            # Before requests use Redis again, so none of them meets what the outage left behind.
            answers = cache_recovered.send_robust(sender=type(self), location=self.location)
            failures = [answer for _, answer in answers if isinstance(answer, Exception)]
            if any(isinstance(failure, RedisError) for failure in failures):
                continue
            for failure in failures:
                logger.error("Putting the cache right after the Redis outage failed: %r", failure)
            self.open = False
            logger.warning("The Redis cache at %s is answering again.", _without_password(self.location))
            return

    def watching_here(self):
        """Whether this is the thread watching for Redis's return, which alone uses it while open."""
        return threading.get_ident() == self._watcher

    def stop(self):
        self._stopped.set()


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, ping, retry_after):
    """One breaker per Redis per process, shared by every thread's cache object."""
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            breaker = _breakers[location] = Breaker(location, ping, retry_after)
        return breaker


def forget_breakers():
    """Stop watching every Redis and start afresh (the test suite starts and stops its own)."""
    with _breakers_lock:
        for breaker in _breakers.values():
            breaker.stop()
        _breakers.clear()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = options.pop("retry_after", DEFAULT_RETRY_AFTER)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self._breaker = breaker_for(server, self._ping, retry_after)

    def _ping(self):
        self._cache.get_client(write=True).ping()

    def _try(self, call, miss, *args):
        breaker = self._breaker
        if not breaker.open:
            try:
                return call(*args)
            except RedisError as error:
                breaker.failed(error)
                return miss
        if breaker.watching_here():
            # A failure here means Redis is not back yet: the watching thread tries again later.
            return call(*args)
        return miss

    def is_available(self):
        """Whether Redis answers now (a ping), for /healthz."""
        return self._try(lambda: self._ping() or True, False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().add, True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._try(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._try(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._try(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._try(super().incr, None, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._try(super().delete_many, None, keys, version)

    def clear(self):
        return self._try(super().clear, False)
