"""Faults to inject: a private Redis that can be killed or hung, and a database that can be cut.

Nothing here touches the machine's own Redis or PostgreSQL: each fault test starts its own
redis-server on a free port, and reaches PostgreSQL through a proxy of its own.
"""

import contextlib
import os
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from pathlib import Path

import redis


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds=10, message="condition"):
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds}s waiting for {message}")
        time.sleep(0.02)


def _accepts(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
        return True
    return False


class RedisServer:
    """redis-server on a port of its own, keeping nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        assert binary, "redis-server is missing: `make test` installs it (Debian package redis-server)"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: _accepts(self.port), message=f"redis-server on port {self.port}")
        return self

    def kill(self):
        self.process.kill()
        self.process.wait()

    def hang(self):
        """Stopped, not killed: connections are accepted by the kernel and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def flush(self):
        """Forget everything, as a restarted Redis has (the server is the test's own)."""
        client = redis.Redis.from_url(self.url)
        try:
            client.flushdb()
        finally:
            client.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.resume()
            self.kill()


class TcpProxy:
    """Forwards a local port to the database; `cut()` drops every connection and refuses new ones."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = set()
        self.lock = threading.Lock()
        self.is_cut = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.is_cut:
                _reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _reset(client)
                continue
            with self.lock:
                self.connections.update({client, upstream})
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client, upstream):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while True:
                for key, _ in selector.select():
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, upstream):
                _reset(sock)
                with self.lock:
                    self.connections.discard(sock)

    def cut(self):
        self.is_cut = True
        with self.lock:
            open_now = list(self.connections)
        for sock in open_now:
            _reset(sock)

    def restore(self):
        self.is_cut = False

    def close(self):
        self.cut()
        self.listener.close()


def _reset(sock):
    # Closed with a reset, as a database server that has gone away does.
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class SqliteCut:
    """A SQLite database made impossible to open: a directory stands where the file was.

    Tests run as root, for whom file permissions mean nothing, so the file is moved aside
    rather than made unreadable. Connections opened before the cut keep the moved file,
    so a site tested this way opens a connection per request (DJANGO_CONN_MAX_AGE=0).
    """

    def __init__(self, path):
        self.path = Path(path)
        self.aside = self.path.with_name(self.path.name + ".aside")

    def cut(self):
        os.replace(self.path, self.aside)
        self.path.mkdir()

    def restore(self):
        self.path.rmdir()
        os.replace(self.aside, self.path)


def use_private_redis(settings, url, tmp_path):
    """Point the site at a Redis of the test's own, as several instances run it, with an empty memory."""
    from scr_site import saved_pages

    settings.CACHES = {
        "default": {
            "BACKEND": "scr_site.redis_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "faults",
            "OPTIONS": {"socket_timeout": 0.25, "socket_connect_timeout": 0.25, "retry_after": 0.1},
        }
    }
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_STAMP_FILE = None
    settings.OUTAGE_PAGE_FILE = tmp_path / "outage.html"
    saved_pages.local_copies.clear()
