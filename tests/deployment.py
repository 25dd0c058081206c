"""A running instance of the site, as production runs it, for the fault tests.

gunicorn with gunicorn.conf.py and the production settings, its own database (SQLite,
or a PostgreSQL database of its own reached through a proxy the test can cut) and a
private Redis. Requests are made over HTTP, as a family's browser makes them.
"""

import contextlib
import http.client
import os
import secrets
import signal
import subprocess
import sys
import time

import dj_database_url
import psycopg
from django.conf import settings

from .faults import SqliteCut, TcpProxy, free_port, wait_for

GZIP = {"Accept-Encoding": "gzip"}


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Deployment:
    """One instance; `database` is cut and restored, `redis` killed, hung and restarted."""

    def __init__(self, tmp_path, redis, label="faults"):
        self.label = label
        self.tmp_path = tmp_path
        self.redis = redis
        self.prefix = f"faults-{secrets.token_hex(4)}"
        self.server = None
        self.port = None
        self.outage_file = tmp_path / "outage.html"
        self.log = tmp_path / "gunicorn.log"
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        self.env.pop("DATABASE_URL", None)
        self.env.pop("REDIS_URL", None)
        self.env.update(
            {
                "DJANGO_SETTINGS_MODULE": "scr_site.settings",
                "DJANGO_DEBUG": "false",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_STATIC_ROOT": str(settings.STATIC_ROOT),
                "DJANGO_SQLITE_PATH": str(tmp_path / "site.sqlite3"),
                "DJANGO_OUTAGE_PAGE": str(self.outage_file),
                "DJANGO_CACHE_PREFIX": self.prefix,
                "DJANGO_CACHE_RETRY_AFTER": "0.2",
                "DJANGO_LOG_LEVEL": "WARNING",
                # One worker, so what it keeps in memory is what every request meets.
                "GUNICORN_WORKERS": "1",
                "GUNICORN_THREADS": "4",
            }
        )
        if redis is not None:
            self.env["REDIS_URL"] = redis.url
        self.database = self._database()

    def _database(self):
        if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
            return PostgresDatabase(self)
        # Tests run as root, for whom an unreadable file is still readable: the file is moved
        # aside instead, so connections must be opened per request to meet the cut.
        self.env["DJANGO_CONN_MAX_AGE"] = "0"
        return SqliteDatabase(self.tmp_path / "site.sqlite3")

    def manage(self, *args, code=None):
        command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
        env = {**self.env, **self.database.direct_env()}
        result = subprocess.run(
            command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def prepare(self):
        self.database.create()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_content", "-v0")

    def publish_answer(self, text):
        """A Publisher's change, made by another instance, as families will see it."""
        self.manage(
            code="import django; django.setup()\n"
            "from scr_site.leaflet.models import Leaflet, Question\n"
            "from scr_site.leaflet.drafts.publishing import publish_item\n"
            "question = Question.objects.get(anchor='what-is-the-lscb')\n"
            f"question.answer = {text!r}\n"
            "question.save()\n"
            "publish_item(Leaflet.objects.get(), user=None)\n"
        )

    def start(self):
        self.port = free_port()
        with open(self.log, "ab") as log:
            self.server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "scr_site.wsgi"],
                env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"},
                cwd=settings.BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self._answers, seconds=30, message=f"gunicorn to answer (log: {self.log})")

    def _answers(self):
        assert self.server.poll() is None, self.log.read_text()
        with contextlib.suppress(OSError):
            self.get("/healthz")
            return True
        return False

    def stop(self):
        if self.server is None or self.server.poll() is not None:
            return
        os.killpg(self.server.pid, signal.SIGTERM)
        try:
            self.server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait()

    def restart(self):
        """A new process: nothing kept in its memory."""
        self.stop()
        self.start()

    def get(self, path, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return Response(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def health(self):
        response = self.get("/healthz")
        return response.status, response.text.splitlines()

    def close(self):
        self.stop()
        self.database.drop()


class SqliteDatabase:
    def __init__(self, path):
        self.cut_off = SqliteCut(path)

    def direct_env(self):
        return {}

    def create(self):
        pass

    def cut(self):
        self.cut_off.cut()

    def restore(self):
        self.cut_off.restore()

    def heal(self):
        if self.cut_off.aside.exists():
            self.restore()

    def drop(self):
        self.heal()


class PostgresDatabase:
    """A database of the deployment's own on the test run's server, reached through a proxy."""

    def __init__(self, deployment):
        config = dj_database_url.parse(os.environ["DATABASE_URL"])
        self.server = {
            key: config[name]
            for key, name in (("host", "HOST"), ("port", "PORT"), ("user", "USER"), ("password", "PASSWORD"))
            if config.get(name)
        }
        # Named after the run's own database and test process (pytest-xdist), so neither a parallel
        # run on another database nor this run's other process ever meets it.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        self.name = "_".join(filter(None, ["test", config["NAME"], deployment.label, worker]))
        self.proxy = TcpProxy(self.server.get("host", "127.0.0.1"), int(self.server.get("port", 5432)))
        deployment.env["DATABASE_URL"] = self._url(self.proxy.port)

    def _url(self, port):
        user = self.server.get("user", "postgres")
        password = f":{self.server['password']}" if self.server.get("password") else ""
        return f"postgres://{user}{password}@127.0.0.1:{port}/{self.name}"

    def direct_env(self):
        return {"DATABASE_URL": self._url(int(self.server.get("port", 5432)))}

    def _admin(self, statement):
        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as connection:
            connection.execute(statement)

    def create(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{self.name}"')

    def cut(self):
        self.proxy.cut()

    def restore(self):
        self.proxy.restore()

    def heal(self):
        self.restore()

    def drop(self):
        self.proxy.close()
        # Give the stopped server's connections a moment to go before the database does.
        time.sleep(0.1)
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
