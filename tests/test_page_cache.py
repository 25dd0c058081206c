"""Public pages come from the cache, and no family ever sees one older than the last publication."""

import datetime
import gzip
import json
import os
import re
import secrets
import select
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scr_site import saved_pages
from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Leaflet, Page, Question, SiteNotice, SiteNoticeTranslation, SiteSettings

from .helpers import page, text_of
from .staff import admin_form, change_url
from .translations import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_saved_pages():
    """Each test starts with no page saved in this process, as a newly started one."""
    saved_pages.local_copies.clear()


GZIP = {"accept-encoding": "gzip, deflate, br"}


def cache_control(response):
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value
    return directives


def answers_on(response):
    return {text_of(p) for p in page(response).select("main p")}


def notice_on(response):
    notice = page(response).select_one(".site-notice")
    return text_of(notice) if notice else None


@pytest.mark.parametrize("path", ["/", "/accessibility/"])
def test_a_cached_page_costs_no_database_queries(
    client, leaflet_content, django_assert_max_num_queries, django_assert_num_queries, path
):
    with django_assert_max_num_queries(6):
        assert client.get(path).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(path).status_code == 200


def test_a_published_change_shows_at_the_very_next_request(client, leaflet_content):
    client.get("/")
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "The board published this just now."
    question.save()
    publish_item(Leaflet.objects.get(), user=None)
    assert "The board published this just now." in answers_on(client.get("/"))


def test_a_draft_save_leaves_the_cached_page_alone(client, leaflet_content, django_assert_num_queries):
    before = client.get("/").content
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "A draft nobody has published."
    question.save()
    with django_assert_num_queries(0):
        after = client.get("/")
    assert after.content == before
    assert "A draft nobody has published." not in answers_on(after)


def test_a_new_exit_address_shows_at_once(client, leaflet_content):
    client.get("/")
    site_settings = SiteSettings.load()
    site_settings.exit_url = "https://www.google.co.uk/"
    site_settings.save()
    assert page(client.get("/")).select_one("[data-exit-link]")["href"] == "https://www.google.co.uk/"


def test_a_new_notice_shows_at_once(client, leaflet_content):
    assert notice_on(client.get("/")) is None
    SiteNotice.objects.create(message="The office is closed on Friday.", show_to_families=True)
    assert notice_on(client.get("/")) == "The office is closed on Friday."


def test_a_withdrawn_notice_goes_at_once(client, leaflet_content):
    notice = SiteNotice.objects.create(message="The office is closed on Friday.", show_to_families=True)
    assert notice_on(client.get("/")) == "The office is closed on Friday."
    notice.show_to_families = False
    notice.save()
    assert notice_on(client.get("/")) is None


def language_links(response):
    """The languages a page offers: its alternate links for search engines and its language links."""
    html = page(response)
    return {
        "alternates": {link["hreflang"] for link in html.select("link[rel=alternate][hreflang]")},
        "links": {text_of(link) for link in html.select(".language-switcher a")},
    }


def test_a_language_no_longer_offered_leaves_every_cached_page_at_once(client, leaflet_content, as_publisher):
    polish = translate()
    assert language_links(client.get("/")) == {"alternates": {"en", "pl"}, "links": {"Polski"}}
    assert client.get("/pl/").status_code == 200

    data = admin_form(as_publisher.get(change_url(polish)))
    del data["offered"]
    assert as_publisher.post(change_url(polish), data).status_code == 302

    assert client.get("/pl/").status_code == 404
    assert language_links(client.get("/")) == {"alternates": set(), "links": set()}


def test_a_notice_translated_in_the_admin_shows_on_the_cached_translated_page_at_once(
    client, leaflet_content, as_publisher
):
    polish = translate()
    add_notice = admin_url(SiteNotice, "add")
    data = {**admin_form(as_publisher.get(add_notice)), "message": "The office is closed on Friday."}
    assert as_publisher.post(add_notice, {**data, "show_to_families": "on"}).status_code == 302
    assert notice_on(client.get("/pl/")) == "The office is closed on Friday."

    add_translation = admin_url(SiteNoticeTranslation, "add")
    data = admin_form(as_publisher.get(add_translation))
    data.update(
        english=SiteNotice.objects.get().pk, language=polish.pk, message="Biuro jest zamknięte w piątek."
    )
    assert as_publisher.post(add_translation, data).status_code == 302
    assert notice_on(client.get("/pl/")) == "Biuro jest zamknięte w piątek."
    assert notice_on(client.get("/")) == "The office is closed on Friday."


def test_a_notice_set_to_start_soon_shows_from_its_start_and_not_before(client, leaflet_content):
    starts_at = timezone.now() + datetime.timedelta(seconds=1.5)
    SiteNotice.objects.create(
        message="The office is closed on Friday.", show_to_families=True, starts_at=starts_at
    )
    assert notice_on(client.get("/")) is None
    # The page cached just now must not outlive the notice's start.
    time.sleep(max(0, (starts_at - timezone.now()).total_seconds()) + 0.2)
    assert notice_on(client.get("/")) == "The office is closed on Friday."


def test_a_notice_set_to_end_soon_goes_at_its_end(client, leaflet_content):
    ends_at = timezone.now() + datetime.timedelta(seconds=1.5)
    SiteNotice.objects.create(
        message="The office is closed on Friday.", show_to_families=True, ends_at=ends_at
    )
    assert notice_on(client.get("/")) == "The office is closed on Friday."
    time.sleep(max(0, (ends_at - timezone.now()).total_seconds()) + 0.2)
    assert notice_on(client.get("/")) is None


def test_public_page_carries_a_validator_and_its_date(client, leaflet_content):
    for response in (client.get("/"), client.get("/")):
        assert response["ETag"].startswith('"')
        assert response["ETag"].endswith('"')
        assert response["Last-Modified"].endswith(" GMT")


@pytest.mark.parametrize("headers", [{}, GZIP], ids=["plain", "gzip"])
def test_repeat_visit_with_the_etag_gets_304_and_no_body(client, leaflet_content, headers):
    etag = client.get("/", headers=headers)["ETag"]
    response = client.get("/", headers={**headers, "if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_repeat_visit_with_the_date_gets_304_and_no_body(client, leaflet_content):
    last_modified = client.get("/")["Last-Modified"]
    response = client.get("/", headers={"if-modified-since": last_modified})
    assert response.status_code == 304
    assert response.content == b""


def test_a_stale_etag_gets_the_new_page_after_publication(client, leaflet_content):
    etag = client.get("/")["ETag"]
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "The board published this just now."
    question.save()
    publish_item(Leaflet.objects.get(), user=None)
    response = client.get("/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "The board published this just now." in answers_on(response)


@pytest.mark.parametrize("path", ["/", "/accessibility/"])
def test_browsers_check_a_public_page_before_every_reuse(client, leaflet_content, path):
    # So a publication shows at a family's next view, even in a tab opened before it.
    for response in (client.get(path), client.get(path)):
        directives = cache_control(response)
        assert "public" in directives
        assert "no-cache" in directives
        assert "max-age" not in directives
        assert "private" not in directives
        assert "no-store" not in directives


@pytest.mark.parametrize("path", ["/", "/accessibility/"])
def test_a_cache_in_front_may_serve_a_public_page_while_the_site_fails(client, leaflet_content, path):
    for response in (client.get(path), client.get(path)):
        directives = cache_control(response)
        assert int(directives["stale-if-error"]) == 86400
        assert int(directives["stale-while-revalidate"]) == 60


@pytest.mark.parametrize("path", ["/admin/", "preview"])
def test_staff_pages_are_never_stored(client, leaflet_content, admin_user, path):
    client.force_login(admin_user)
    if path == "preview":
        path = f"/preview/leaflets/{Leaflet.objects.get().pk}/"
    for response in (client.get(path), client.get(path)):
        assert response.status_code == 200
        directives = cache_control(response)
        assert "private" in directives
        assert "no-store" in directives
        assert "public" not in directives


def test_staff_pages_are_not_served_from_the_page_cache(client, leaflet_content, admin_user):
    client.force_login(admin_user)
    first = client.get("/admin/")
    client.logout()
    response = client.get("/admin/")
    assert first.status_code == 200
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def without_token(html):
    # The feedback form's signed token carries the second the page was rendered.
    return re.sub(rb'name="token" value="[^"]*"', b"", html)


def test_gzip_is_sent_to_browsers_that_accept_it(client, leaflet_content):
    plain = client.get("/")
    first, again = client.get("/", headers=GZIP), client.get("/", headers=GZIP)
    for response in (first, again):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        # Each encoding is its own render, so the two may fall in different seconds.
        assert without_token(gzip.decompress(response.content)) == without_token(plain.content)
    assert again.content == first.content
    assert "Content-Encoding" not in plain
    # A shared cache must not hand the compressed copy to a browser that cannot read it.
    assert "Accept-Encoding" in plain["Vary"]


def test_plain_and_gzip_copies_have_different_etags(client, leaflet_content):
    assert client.get("/")["ETag"] != client.get("/", headers=GZIP)["ETag"]


def test_a_query_string_is_served_the_same_cached_page(client, leaflet_content, django_assert_num_queries):
    first = client.get("/")
    with django_assert_num_queries(0):
        responses = [client.get("/", {"utm_source": "email"}), *[client.get("/", {"n": n}) for n in range(3)]]
    for response in responses:
        assert response.content == first.content


def test_health_check_is_answered_afresh_every_time(client, monkeypatch):
    assert client.get("/healthz").status_code == 200

    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    assert client.get("/healthz").status_code == 503


def test_a_not_found_page_is_rendered_afresh_each_time(client, leaflet_content):
    assert client.get("/coming-soon/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/coming-soon/").status_code == 404
    assert len(queries) > 0


def test_an_address_that_was_not_found_shows_the_page_once_it_is_published(client, leaflet_content):
    assert client.get("/coming-soon/").status_code == 404
    new_page = Page.objects.create(title="Coming soon", slug="coming-soon", body="Details will follow.")
    publish_item(new_page, user=None)
    response = client.get("/coming-soon/")
    assert response.status_code == 200
    assert text_of(page(response).select_one("h1")) == "Coming soon"


# A gunicorn worker: a process of its own that serves requests and can publish or delete, as the
# admin does, and whose database connection can be cut.
WORKER = """
import json, sys
from unittest import mock
import django
django.setup()
from django.db import OperationalError
from django.test import Client
from scr_site.leaflet.models import Leaflet, Page, Question
from scr_site.leaflet.drafts.publishing import publish_item
client = Client(raise_request_exception=False)
for line in sys.stdin:
    command, _, text = line.strip().partition(" ")
    if command == "get":
        response = client.get("/", secure=True)
        print(json.dumps({"status": response.status_code, "shows": text in response.content.decode()}))
    elif command == "page":
        response = client.get(text, secure=True)
        print(json.dumps({"status": response.status_code, "warning": response.get("Warning")}))
    elif command == "publish":
        question = Question.objects.get(anchor="what-is-the-lscb")
        question.answer = text
        question.save()
        publish_item(Leaflet.objects.get(), user=None)
        print(json.dumps({"show_to_families": True}))
    elif command == "delete":
        Page.objects.get(slug=text).delete()
        print(json.dumps({"deleted": text}))
    elif command == "cut":
        mock.patch(
            "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("refused")
        ).start()
        print(json.dumps({"database": "cut"}))
    sys.stdout.flush()
"""


@pytest.fixture
def deployment(tmp_path):
    """A live server's environment, with its own database file and whatever cache this run uses."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "scr_site.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SQLITE_PATH": str(tmp_path / "site.sqlite3"),
            # Collected once for the suite (conftest.py), as the image collects them at build time.
            "DJANGO_STATIC_ROOT": str(settings.STATIC_ROOT),
            "DJANGO_CACHE_PREFIX": f"workers-{secrets.token_hex(4)}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.core.management import "
            "call_command; call_command('migrate', verbosity=0); call_command('load_content', verbosity=0)",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return env


@contextmanager
def worker(env, log):
    with open(log, "w") as errors:
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            env=env,
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )

    def ask(command):
        process.stdin.write(command + "\n")
        process.stdin.flush()
        # A worker that dies or hangs fails the test with its own error output, never stalls the suite.
        ready, _, _ = select.select([process.stdout], [], [], 60)
        answer = process.stdout.readline() if ready else ""
        assert answer, log.read_text()
        return json.loads(answer)

    try:
        yield ask
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def test_a_publication_in_one_worker_process_shows_in_every_other(deployment, tmp_path):
    text = "Published through another worker."
    with (
        worker(deployment, tmp_path / "first.log") as first,
        worker(deployment, tmp_path / "second.log") as second,
    ):
        assert second(f"get {text}") == {"status": 200, "shows": False}
        assert first(f"get {text}") == {"status": 200, "shows": False}
        first(f"publish {text}")
        assert first(f"get {text}") == {"status": 200, "shows": True}
        # The family's next request may reach any worker, and must not get the page from before.
        assert second(f"get {text}") == {"status": 200, "shows": True}


def test_a_page_deleted_through_one_worker_process_is_never_served_from_another_ones_saved_copies(
    deployment, tmp_path
):
    stale = '110 - "Response is Stale"'
    with (
        worker(deployment, tmp_path / "first.log") as first,
        worker(deployment, tmp_path / "second.log") as second,
    ):
        for address in ["/", "/accessibility/"]:
            assert second(f"page {address}") == {"status": 200, "warning": None}
        first("delete accessibility")
        # Built by the second after the deletion, then made out of date by a publication.
        assert second("page /privacy/") == {"status": 200, "warning": None}
        first("publish Published after the deletion.")
        second("cut")
        # The deleted page, and the page whose footer linked to it, are not brought back.
        assert second("page /accessibility/")["status"] == 503
        assert second("page /")["status"] == 503
        assert second("page /privacy/") == {"status": 200, "warning": stale}
