"""Faults injected into a running instance: what families get, and what /healthz tells the load balancer.

The instance runs under gunicorn with the production settings, a private Redis and a
database of its own (through a proxy the test cuts, on the PostgreSQL run; a file moved
aside, on the SQLite run). Each test starts from a new gunicorn process.
"""

import threading
import time
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from .deployment import GZIP, Deployment
from .faults import RedisServer, wait_for
from .leaflet_text import BOARDS

PAGES = ["/", "/privacy/", "/accessibility/", "/leave-this-site-quickly/"]
STALE = '110 - "Response is Stale"'


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, redis_server):
    site = Deployment(tmp_path_factory.mktemp("deployment"), redis_server)
    site.prepare()
    yield site
    site.close()


@pytest.fixture
def site(prepared, redis_server):
    """The instance, newly started, with the database and Redis answering and nothing cached."""
    if redis_server.process.poll() is not None:
        redis_server.start()
    redis_server.resume()
    redis_server.flush()
    prepared.start()
    yield prepared
    prepared.stop()
    prepared.database.heal()


def report(fault, families_got, health):
    """One row of the fault table, shown with `pytest -s tests/test_faults.py`."""
    print(f"\nFAULT | {fault} | {families_got} | /healthz {health[0]}: {', '.join(health[1])}")


def warm(site):
    for path in PAGES:
        for headers in ({}, GZIP):
            assert site.get(path, headers).status == 200, path


def heading(response):
    return BeautifulSoup(response.body, "html.parser").h1.get_text(strip=True)


def assert_outage_page(response, with_contacts=True):
    assert response.status == 503
    html = BeautifulSoup(response.body, "html.parser")
    assert html.h1.get_text(strip=True) == "Sorry, we're having problems"
    assert html.select_one("[data-exit-link]")["href"]
    for board in BOARDS:
        assert board["name"] in html.get_text()
        if with_contacts:
            assert html.find("a", href=board["tel_href"]).get_text() == board["telephone"]
            assert html.find("a", href=f"mailto:{board['email']}").get_text() == board["email"]


def load(site, seconds, fault_after, fault):
    """Four families reading page after page while `fault` strikes; every status code they got."""
    statuses = Counter()
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def family(n):
        i = n
        while time.monotonic() < stop:
            path = PAGES[i % len(PAGES)]
            status = site.get(path, GZIP if i % 2 else {}).status
            with lock:
                statuses[status] += 1
            i += 1

    families = [threading.Thread(target=family, args=(n,)) for n in range(4)]
    for thread in families:
        thread.start()
    time.sleep(fault_after)
    fault()
    for thread in families:
        thread.join()
    return statuses


# --- Redis ------------------------------------------------------------------------


def test_redis_killed_in_the_middle_of_a_run_costs_no_family_a_page(site, redis_server):
    warm(site)
    statuses = load(site, seconds=2.5, fault_after=0.8, fault=redis_server.kill)
    report("Redis killed", dict(statuses), site.health())
    assert set(statuses) == {200}, statuses
    assert site.health() == (200, ["database ok", "cache unavailable"])

    redis_server.start()
    wait_for(lambda: site.health() == (200, ["database ok", "cache ok"]), message="Redis to be used again")
    assert all(site.get(path).status == 200 for path in PAGES)


def test_redis_hung_in_the_middle_of_a_run_costs_no_family_a_page(site, redis_server):
    warm(site)
    try:
        statuses = load(site, seconds=2.5, fault_after=0.8, fault=redis_server.hang)
        report("Redis hung", dict(statuses), site.health())
        assert set(statuses) == {200}, statuses
        assert site.health() == (200, ["database ok", "cache unavailable"])
    finally:
        redis_server.resume()
    wait_for(lambda: site.health() == (200, ["database ok", "cache ok"]), message="Redis to be used again")


# --- the database ---------------------------------------------------------------------


def test_database_cut_with_a_warm_cache_serves_every_saved_page(site):
    warm(site)
    headings = {path: heading(site.get(path)) for path in PAGES}
    site.database.cut()

    got = {path: site.get(path) for path in [*PAGES, "/this-page-does-not-exist/"]}
    report("Database cut, warm cache", {path: r.status for path, r in got.items()}, site.health())
    for path in PAGES:
        assert got[path].status == 200, path
        assert heading(got[path]) == headings[path]
    assert site.health() == (200, ["database unavailable", "cache ok", "serving saved pages"])
    assert_outage_page(got["/this-page-does-not-exist/"])

    site.database.restore()
    # Recovered without restarting gunicorn.
    wait_for(lambda: site.health() == (200, ["database ok", "cache ok"]), message="the database")
    assert site.get("/this-page-does-not-exist/").status == 404


def test_database_cut_after_a_publication_serves_the_last_good_page_with_a_warning(site):
    warm(site)
    site.publish_answer("Published just before the database failed.")
    site.database.cut()
    response = site.get("/")
    stale = {"/": (response.status, response.headers.get("Warning"))}
    report("Database cut after a publication", stale, site.health())
    assert response.status == 200
    assert response.headers["Warning"] == STALE
    assert "Published just before the database failed." not in response.text

    site.database.restore()
    response = site.get("/")
    assert response.status == 200
    assert "Warning" not in response.headers
    assert "Published just before the database failed." in response.text


def test_database_cut_with_a_cold_cache_gives_the_outage_page_with_both_boards(site, redis_server):
    site.database.cut()
    got = {path: site.get(path) for path in PAGES}
    report("Database cut, cold cache", {path: r.status for path, r in got.items()}, site.health())
    for response in got.values():
        assert_outage_page(response)
    assert site.health() == (503, ["database unavailable", "cache ok", "no saved pages to serve"])

    site.database.restore()
    wait_for(lambda: site.health()[0] == 200, message="the database")
    assert all(site.get(path).status == 200 for path in PAGES)


NOTICE = "The office is closed on Friday."


def show_notice(site, shown):
    """Staff tick or untick a notice's "Show to families", through another process than the site's."""
    site.manage(
        code="import django; django.setup()\n"
        "from scr_site.leaflet.models import SiteNotice\n"
        f"notice, _ = SiteNotice.objects.get_or_create(message={NOTICE!r})\n"
        f"notice.show_to_families = {shown!r}\n"
        "notice.save()\n"
    )


def assert_hidden_notice_never_comes_back(site, fault):
    show_notice(site, True)
    warm(site)
    assert NOTICE in site.get("/").text
    show_notice(site, False)
    site.database.cut()
    try:
        got = {path: site.get(path) for path in PAGES}
        report(fault, {path: r.status for path, r in got.items()}, site.health())
        # Every page saved showed the notice: none may stand in for its page.
        for response in got.values():
            assert_outage_page(response)
        assert site.health() == (503, ["database unavailable", "cache ok", "no saved pages to serve"])
    finally:
        site.database.restore()
    wait_for(lambda: site.health()[0] == 200, message="the database")
    response = site.get("/")
    assert response.status == 200
    assert NOTICE not in response.text


def test_database_cut_after_a_notice_was_hidden_elsewhere_never_brings_the_notice_back(site):
    assert_hidden_notice_never_comes_back(site, "Database cut after a notice was hidden")


def test_redis_and_the_database_both_down_serve_what_this_instance_saved(site, redis_server):
    warm(site)
    redis_server.kill()
    site.database.cut()

    got = {path: site.get(path, GZIP) for path in [*PAGES, "/no-such-page/"]}
    report("Redis and the database both down", {path: r.status for path, r in got.items()}, site.health())
    for path in PAGES:
        assert got[path].status == 200, path
        assert got[path].headers["Warning"] == STALE
    # Never served by this instance: the outage page from its own disk.
    assert_outage_page(got["/no-such-page/"])
    assert site.health() == (200, ["database unavailable", "cache unavailable", "serving saved pages"])

    site.database.restore()
    redis_server.start()
    wait_for(lambda: site.health() == (200, ["database ok", "cache ok"]), message="both to answer")
    assert all(site.get(path).status == 200 for path in PAGES)


def test_an_instance_started_while_the_database_is_down_serves_the_shared_outage_page(site):
    # Written to Redis at a publication through another instance; this one has nothing on its disk.
    site.manage(code="import django; django.setup(); from scr_site import outage; outage.publish()")
    site.stop()
    site.outage_file.unlink()
    site.database.cut()
    site.start()
    response = site.get("/")
    report("Instance started while the database is down", {"/": response.status}, site.health())
    assert_outage_page(response)
    assert site.health() == (503, ["database unavailable", "cache ok", "no saved pages to serve"])


# --- a small board: one machine, no Redis ------------------------------------------------


@pytest.fixture(scope="module")
def small_board(tmp_path_factory):
    """Each worker keeps pages in its own memory, as a deployment without REDIS_URL does."""
    site = Deployment(tmp_path_factory.mktemp("small-board"), redis=None, label="small_board")
    site.prepare()
    site.start()
    yield site
    site.close()


def test_without_redis_a_database_failure_serves_saved_pages_and_the_outage_page(small_board):
    warm(small_board)
    small_board.database.cut()
    try:
        got = {path: small_board.get(path) for path in [*PAGES, "/no-such-page/"]}
        report("No Redis, database cut", {path: r.status for path, r in got.items()}, small_board.health())
        assert all(got[path].status == 200 for path in PAGES)
        assert_outage_page(got["/no-such-page/"])
        assert small_board.health() == (200, ["database unavailable", "cache ok", "serving saved pages"])
    finally:
        small_board.database.restore()
    assert small_board.get("/no-such-page/").status == 404


def test_without_redis_a_notice_hidden_by_another_process_is_not_brought_back_by_a_database_cut(small_board):
    assert_hidden_notice_never_comes_back(small_board, "No Redis, database cut after a notice was hidden")
