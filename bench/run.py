"""Load and page-weight benchmark for the public site, run the way production runs it.

    .venv/bin/python bench/run.py

Builds a throwaway production-like site in a temporary directory (DEBUG off, a random
secret key, its own SQLite database and collected static files), prepares it with the
same commands the Dockerfile and README use (migrate, load_content, collectstatic),
serves it with gunicorn and gunicorn.conf.py as the container does, and prints:

- requests/sec, median and 99th-percentile latency and errors for the home page and for
  the main stylesheet the home page links, measured with wrk (32 connections);
- how the home page's throughput compares with that stylesheet's;
- the database queries the home page costs with a cold and with a warm page cache;
- what a first visit to the home page downloads: the HTML and every stylesheet and
  script it links, compressed as a browser would receive them.

It prints figures, marks each against its target, and always exits 0 once the figures
are printed: it informs, it does not gate.

Environment:
    BENCH_SECONDS     length of each wrk run, in seconds (default 10)
    GUNICORN_WORKERS  passed to gunicorn.conf.py (default there: 2 x cores + 1)
    DATABASE_URL      used as given, instead of the throwaway SQLite database. The bench
                      runs migrate and load_content against it, so point it at a database
                      that may be written to (a dedicated one, not a live site's).
    REDIS_URL         used as given; the bench's keys get a prefix of their own and are
                      deleted at the end.

Needs wrk (Debian: apt-get install wrk). Only 127.0.0.1 is ever contacted.
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CONNECTIONS = 32
THREADS = 2
WARMUP_SECONDS = 2
BROWSER_ENCODING = "gzip"
FIRST_VISIT_ENCODING = "gzip, br"

TARGET_RATIO = 0.7
TARGET_COLD_QUERIES = 6
TARGET_WARM_QUERIES = 0
TARGET_FIRST_VISIT_BYTES = 20 * 1024

GUNICORN = Path(sys.executable).parent / "gunicorn"
CSS_URL = re.compile(r"/static/css/site\.[0-9a-f]+\.css")


class BenchError(Exception):
    pass


# --- Environment -----------------------------------------------------------------------


def bench_env(tmp, cache_prefix):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "scr_site.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "".join(
                secrets.choice(string.ascii_letters + string.digits) for _ in range(60)
            ),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # wrk and http.client speak plain HTTP on loopback; with the production default
            # every request would only be answered by a redirect to https.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SQLITE_PATH": str(tmp / "db.sqlite3"),
            "DJANGO_STATIC_ROOT": str(tmp / "static"),
            # A shared Redis may hold a real site's pages under the default prefix: publishing
            # during load_content must not move that site's cache version, nor read its pages.
            "DJANGO_CACHE_PREFIX": cache_prefix,
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env, *args):
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - fixed command, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    progress(f"manage.py {' '.join(args)}: {time.monotonic() - started:.1f}s")


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def progress(message):
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- gunicorn --------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(env, port, log_path):
    env = {**env, "GUNICORN_BIND": f"{HOST}:{port}"}
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603 - fixed command, no shell
            [str(GUNICORN), "-c", "gunicorn.conf.py", "scr_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            # Its own process group, so stopping it can never reach this process.
            start_new_session=True,
        )
        try:
            wait_healthy(server, port, log_path)
            yield server
        finally:
            stop(server)


def wait_healthy(server, port, log_path, limit=30):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited ({server.returncode}):\n{tail(log_path)}")
        with contextlib.suppress(OSError):
            status, _, _ = fetch(port, "/healthz", timeout=2)
            if status == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"/healthz did not answer 200 within {limit}s:\n{tail(log_path)}")


def stop(server):
    if server.poll() is not None:
        return
    # SIGTERM is gunicorn's graceful stop; the group kill covers workers a stuck master left.
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def gunicorn_config(env):
    """gunicorn.conf.py as gunicorn itself resolves it for this environment."""
    result = subprocess.run(  # noqa: S603 - fixed command, no shell
        [str(GUNICORN), "-c", "gunicorn.conf.py", "--print-config", "scr_site.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    settings = dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))
    if result.returncode or "workers" not in settings:
        raise BenchError(f"gunicorn --print-config failed:\n{result.stdout}{result.stderr}")
    return settings


def workers_booted(log_path):
    return len(set(re.findall(r"Booting worker with pid: (\d+)", Path(log_path).read_text(errors="replace"))))


# --- HTTP ------------------------------------------------------------------------------


def fetch(port, path, encoding=None, timeout=10):
    """Status, headers and body exactly as sent: http.client never decompresses."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Accept-Encoding": encoding} if encoding else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


class LinkedAssets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets = []
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").lower().split() and attrs.get("href"):
            self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def home_page_assets(port):
    status, headers, body = fetch(port, "/")
    if status != 200:
        raise BenchError(f"GET / answered {status}")
    html = body.decode(headers.get("Content-Type", "").partition("charset=")[2] or "utf-8")
    parser = LinkedAssets()
    parser.feed(html)
    return parser.stylesheets, parser.scripts


def first_visit(port, stylesheets, scripts):
    rows = []
    for path in ["/", *stylesheets, *scripts]:
        status, headers, body = fetch(port, path, encoding=FIRST_VISIT_ENCODING)
        if status != 200:
            raise BenchError(f"GET {path} answered {status}")
        declared = headers.get("Content-Length")
        if declared is not None and int(declared) != len(body):
            raise BenchError(f"GET {path}: Content-Length {declared} but {len(body)} bytes received")
        rows.append((path, headers.get("Content-Encoding", "identity"), len(body)))
    return rows


# --- wrk -------------------------------------------------------------------------------

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}
SIZES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def run_wrk(wrk, port, path, seconds):
    result = subprocess.run(  # noqa: S603 - fixed command, no shell
        [
            wrk,
            f"-c{CONNECTIONS}",
            f"-t{THREADS}",
            f"-d{seconds}",
            "--latency",
            "-H",
            f"Accept-Encoding: {BROWSER_ENCODING}",
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"wrk failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        if not match:
            raise BenchError(f"no {percent}% latency in wrk output:\n{output}")
        return float(match.group(1)) * UNITS[match.group(2)]

    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read", output)
    if not rps or not total:
        raise BenchError(f"unexpected wrk output:\n{output}")
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = int(total.group(1))
    return {
        "rps": float(rps.group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": requests,
        "bytes_per_response": float(total.group(2)) * SIZES[total.group(3)] / max(requests, 1),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


# --- Database queries (runs in a child process with the bench environment) -------------


def count_queries():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    backend = type(cache).__name__
    # On Redis, clear() would flush the whole database, other users' keys included; the
    # prefix this process was given is new and unused, which makes that cache as cold.
    if backend == "LocMemCache":
        cache.clear()
    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_ENCODING=BROWSER_ENCODING)
    runs = {}
    for label in ("cold", "warm"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/")
        if response.status_code != 200:
            raise BenchError(f"GET / ({label}) answered {response.status_code}")
        runs[label] = [query["sql"] for query in captured.captured_queries]
    print(json.dumps({"backend": backend, "vendor": connection.vendor, **runs}))


def measure_queries(env):
    result = subprocess.run(  # noqa: S603 - fixed command, no shell
        [sys.executable, str(Path(__file__).resolve()), "--count-queries"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"query count failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def delete_redis_keys(url, prefix):
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


# --- Report ----------------------------------------------------------------------------


def verdict(ok):
    return "target met" if ok else "TARGET MISSED"


def table(headers, rows, right=()):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells):
        return "  ".join(
            str(cell).rjust(width) if index in right else str(cell).ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def short_sql(sql, width=100):
    sql = " ".join(sql.split())
    return sql if len(sql) <= width else sql[: width - 3] + "..."


def report(context, loads, queries, files):
    out = []
    out.append("scr_site benchmark")
    out.append("=" * 18)
    for key, value in context:
        out.append(f"{key + ':':<12} {value}")

    out.append("")
    out.append(f"Load (wrk -c{CONNECTIONS} -t{THREADS} --latency, Accept-Encoding: {BROWSER_ENCODING})")
    out.append(
        table(
            ["URL", "req/s", "p50 ms", "p99 ms", "non-2xx/3xx", "socket errs", "bytes/resp*"],
            [
                [
                    url,
                    f"{load['rps']:,.0f}",
                    f"{load['p50']:.2f}",
                    f"{load['p99']:.2f}",
                    load["non_2xx"],
                    load["socket_errors"],
                    f"{load['bytes_per_response']:,.0f}",
                ]
                for url, load in loads
            ],
            right=range(1, 7),
        )
    )
    out.append("* bytes read per response as wrk counts them, headers included")

    home, css = loads[0][1], loads[1][1]
    ratio = home["rps"] / css["rps"] if css["rps"] else 0.0
    cold, warm = len(queries["cold"]), len(queries["warm"])
    total = sum(size for _, _, size in files)
    out.append("")
    out.append("Targets")
    out.append(
        table(
            ["figure", "value", "target", "result"],
            [
                [
                    "req/s(/) / req/s(site CSS)",
                    f"{ratio:.2f}",
                    f">= {TARGET_RATIO}",
                    verdict(ratio >= TARGET_RATIO),
                ],
                [
                    "DB queries for /, cold page cache",
                    cold,
                    f"<= {TARGET_COLD_QUERIES}",
                    verdict(cold <= TARGET_COLD_QUERIES),
                ],
                [
                    "DB queries for /, warm page cache",
                    warm,
                    f"= {TARGET_WARM_QUERIES}",
                    verdict(warm <= TARGET_WARM_QUERIES),
                ],
                [
                    "first visit to /, bytes",
                    f"{total:,}",
                    f"<= {TARGET_FIRST_VISIT_BYTES:,}",
                    verdict(total <= TARGET_FIRST_VISIT_BYTES),
                ],
            ],
            right=(1,),
        )
    )

    out.append("")
    out.append(f"First visit to / (Accept-Encoding: {FIRST_VISIT_ENCODING}; body bytes as sent)")
    out.append(
        table(
            ["file", "encoding", "bytes"],
            [[path, encoding, f"{size:,}"] for path, encoding, size in files] + [["total", "", f"{total:,}"]],
            right=(2,),
        )
    )

    for label, target in (("cold", TARGET_COLD_QUERIES), ("warm", TARGET_WARM_QUERIES)):
        if len(queries[label]) > target:
            out.append("")
            out.append(f"Queries for /, {label} page cache ({queries['backend']})")
            out.extend(f"{n:>3}. {short_sql(sql)}" for n, sql in enumerate(queries[label], 1))
    return "\n".join(out)


# --- Main ------------------------------------------------------------------------------


def main():
    wrk = shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)
    if wrk is None:
        print("wrk is not installed. Install it with:  apt-get install wrk", file=sys.stderr)
        return 1
    try:
        seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    except ValueError:
        print("BENCH_SECONDS must be a whole number of seconds", file=sys.stderr)
        return 2
    warmup = max(1, min(WARMUP_SECONDS, seconds))

    started = time.monotonic()
    cache_prefix = f"scr-bench-{secrets.token_hex(6)}"
    redis_url = os.environ.get("REDIS_URL")
    with tempfile.TemporaryDirectory(prefix="scr-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = bench_env(tmp, cache_prefix)
        try:
            progress(f"preparing a production-like site in {tmp}")
            manage(env, "migrate")
            manage(env, "load_content")
            manage(env, "collectstatic", "--noinput")

            port = free_port()
            config = gunicorn_config({**env, "GUNICORN_BIND": f"{HOST}:{port}"})
            log_path = tmp / "gunicorn.log"
            with gunicorn(env, port, log_path):
                stylesheets, scripts = home_page_assets(port)
                css = next((href for href in stylesheets if CSS_URL.fullmatch(href)), None)
                if css is None:
                    raise BenchError(f"no /static/css/site.<hash>.css among the stylesheets: {stylesheets}")
                loads = []
                for path in ("/", css):
                    progress(f"wrk {path}: {warmup}s warm-up, {seconds}s measured")
                    run_wrk(wrk, port, path, warmup)
                    loads.append((path, run_wrk(wrk, port, path, seconds)))
                files = first_visit(port, stylesheets, scripts)
                booted = workers_booted(log_path)

            # The child's cache is its own (a new prefix; local memory is per process anyway),
            # so its first request meets an empty page cache whatever gunicorn has cached.
            progress("counting database queries for /")
            queries = measure_queries({**env, "DJANGO_CACHE_PREFIX": f"{cache_prefix}-queries"})
        except BenchError as error:
            print(f"bench failed: {error}", file=sys.stderr)
            return 1
        finally:
            if redis_url:
                with contextlib.suppress(Exception):
                    delete_redis_keys(redis_url, cache_prefix)
                    delete_redis_keys(redis_url, f"{cache_prefix}-queries")

    database = (
        f"{queries['vendor']} (DATABASE_URL)" if os.environ.get("DATABASE_URL") else "sqlite (throwaway file)"
    )
    cache_name = "redis (REDIS_URL)" if redis_url else "local memory, per worker process"
    elapsed = time.monotonic() - started
    context = [
        (
            "server",
            f"gunicorn -c gunicorn.conf.py scr_site.wsgi: {config['workers']} {config['worker_class']}"
            f" workers x {config['threads']} threads",
        ),
        # A worker replaced under load starts with an empty local-memory page cache.
        (
            "recycled",
            f"{booted - int(config['workers'])} worker(s) replaced during the run"
            f" (max_requests {config['max_requests']})",
        ),
        ("database", database),
        ("cache", cache_name),
        ("duration", f"{seconds}s per URL after a {warmup}s warm-up; whole run {elapsed:.0f}s"),
    ]
    print(report(context, loads, queries, files))
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--count-queries"]:
        count_queries()
    else:
        # Turned into SystemExit so the finally blocks still stop gunicorn and tidy up.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
        sys.exit(main())
