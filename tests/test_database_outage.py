"""The database is down: families get the last good page, or the boards' contact details, never an error."""

import contextlib
import gzip
import logging
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.template import TemplateDoesNotExist
from django.test import Client

from scr_site import outage, page_cache, saved_pages, withdrawals
from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Board, Leaflet, Page, Question, SiteSettings

from .faults import wait_for
from .helpers import page, text_of
from .leaflet_text import BOARDS
from .staff import admin_form, change_url, publish_by_url, save_draft
from .translations import translate

pytestmark = pytest.mark.django_db

GZIP = {"accept-encoding": "gzip"}
OUTAGE_HEADING = "Sorry, we're having problems"


@pytest.fixture(autouse=True)
def new_instance(settings, tmp_path):
    """A newly started instance: its own disk, and no page saved in its memory."""
    settings.OUTAGE_PAGE_FILE = tmp_path / "outage.html"
    saved_pages.local_copies.clear()


@pytest.fixture
def site(leaflet_content):
    """The site as published, with its outage page written as a publication writes it."""
    outage.publish()


class Database:
    """Every query fails, as it does when the database server has stopped."""

    def __init__(self):
        self._patch = mock.patch(
            "django.db.backends.utils.CursorWrapper.execute",
            side_effect=OperationalError("connection refused"),
        )

    def cut(self):
        self._patch.start()

    def restore(self):
        self._patch.stop()


@pytest.fixture
def database():
    database = Database()
    yield database
    mock.patch.stopall()


def publish_answer(text):
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = text
    question.save()
    publish_item(Leaflet.objects.get(), user=None)


def main_text(response):
    return text_of(page(response).main)


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.content.decode().splitlines()


def assert_outage_page(response):
    assert response.status_code == 503
    html = page(response)
    assert text_of(html.h1) == OUTAGE_HEADING
    for board in BOARDS:
        assert board["name"] in text_of(html)
        assert html.find("a", href=board["tel_href"]).get_text() == board["telephone"]
        assert html.find("a", href=f"mailto:{board['email']}").get_text() == board["email"]


# --- the last good copy ------------------------------------------------------------


def test_a_cached_page_is_served_as_usual_while_the_database_is_down(client, site, database):
    before = client.get("/")
    database.cut()
    response = client.get("/")
    assert response.status_code == 200
    assert response.content == before.content
    assert "Warning" not in response


def test_a_page_that_cannot_be_rebuilt_is_served_from_its_last_good_copy_with_a_warning(
    client, site, database
):
    before = client.get("/")
    publish_answer("Published just before the database failed.")
    database.cut()
    response = client.get("/")
    assert response.status_code == 200
    assert response.content == before.content
    assert response["Warning"] == '110 - "Response is Stale"'


def test_the_last_good_copy_is_kept_for_each_encoding(client, site, database):
    plain, compressed = client.get("/privacy/"), client.get("/privacy/", headers=GZIP)
    publish_answer("A publication makes both copies out of date.")
    database.cut()
    assert client.get("/privacy/").content == plain.content
    response = client.get("/privacy/", headers=GZIP)
    assert response["Content-Encoding"] == "gzip"
    # Each encoding is its own copy, built when it was first asked for: the same page, though
    # its feedback form's signed token may be a second newer.
    assert without_token(gzip.decompress(response.content)) == without_token(plain.content)
    assert response.content == compressed.content


def without_token(html):
    return re.sub(rb'name="token" value="[^"]*"', b"", html)


def test_a_last_good_copy_still_answers_a_repeat_visit_with_304(client, site, database):
    etag = client.get("/")["ETag"]
    publish_answer("Published just before the database failed.")
    database.cut()
    assert client.get("/", headers={"if-none-match": etag}).status_code == 304


def test_a_withdrawn_page_is_not_brought_back_by_an_outage(client, site, database):
    privacy = Page.objects.get(slug="privacy")
    assert client.get("/privacy/").status_code == 200
    privacy.delete()
    assert client.get("/privacy/").status_code == 404
    database.cut()
    assert_outage_page(client.get("/privacy/"))


# --- what was taken off the site stays off -------------------------------------------
# Staff act through the admin; each request's transaction commits (its on_commit work runs)
# before the next, as on the live site.


@pytest.fixture
def polish(site):
    """Polish offered to families, with the leaflet and the privacy page published in it."""
    return translate()


def hreflangs(response):
    """The languages a page points to: its alternate links and its language links."""
    return {link["hreflang"] for link in page(response).select("[hreflang]")}


def footer_links(response):
    return [text_of(link) for link in page(response).select("footer a")]


def delete_in_admin(browser, obj):
    response = browser.post(admin_url(obj, "delete"), {"post": "yes"})
    assert response.status_code == 302, response.status_code
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def stop_offering_in_admin(browser, language):
    data = admin_form(browser.get(change_url(language)))
    del data["offered"]
    response = browser.post(change_url(language), data)
    assert response.status_code == 302, page(response).select(".errorlist")


def hide_and_publish_in_admin(browser, obj):
    data = admin_form(browser.get(change_url(obj)))
    del data["show_to_families"]
    response = browser.post(change_url(obj), {**data, "_continue": "Save draft"})
    assert response.status_code == 302, page(response).select(".errorlist")
    publish_by_url(browser, obj)


@pytest.fixture
def staff_acts(django_capture_on_commit_callbacks):
    """Each step by staff is a request of its own, committed before the next."""

    @contextlib.contextmanager
    def step():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return step


@pytest.fixture
def family():
    """A family's browser: an error while the address is read is the page it gets, as in a browser."""
    return Client(raise_request_exception=False)


def test_a_deleted_page_and_a_language_no_longer_offered_never_come_back_in_an_outage(
    family, polish, as_publisher, database, staff_acts
):
    home = family.get("/")
    assert "pl" in hreflangs(home)
    assert "Accessibility statement" in footer_links(home)
    assert family.get("/accessibility/").status_code == 200
    assert family.get("/pl/").status_code == 200

    with staff_acts():
        delete_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    with staff_acts():
        stop_offering_in_admin(as_publisher, polish)
    database.cut()

    assert_outage_page(family.get("/accessibility/"))
    assert_outage_page(family.get("/pl/"))
    # Saved before: its footer links to the deleted page, its language links to Polish.
    assert_outage_page(family.get("/"))


def test_a_page_hidden_and_published_never_comes_back_in_an_outage(
    client, site, as_publisher, database, staff_acts
):
    assert "Accessibility statement" in footer_links(client.get("/"))
    assert client.get("/accessibility/").status_code == 200

    with staff_acts():
        hide_and_publish_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    database.cut()

    assert_outage_page(client.get("/accessibility/"))
    assert_outage_page(client.get("/"))


def test_a_page_built_after_a_withdrawal_is_still_served_from_its_saved_copy(
    client, site, as_publisher, database, staff_acts
):
    client.get("/")
    with staff_acts():
        delete_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    after = client.get("/")
    assert "Accessibility statement" not in footer_links(after)
    with staff_acts():
        publish_answer("Published after the page was deleted, just before the database failed.")
    database.cut()

    response = client.get("/")
    assert response.status_code == 200
    assert response["Warning"] == '110 - "Response is Stale"'
    assert response.content == after.content


def test_publishing_an_edited_answer_leaves_the_saved_copies_to_serve_in_an_outage(
    client, site, as_publisher, database, staff_acts
):
    before = {address: client.get(address) for address in ["/", "/accessibility/"]}
    question = Question.objects.get(anchor="what-is-the-lscb")
    with staff_acts():
        save_draft(as_publisher, question, answer="An edited answer, published.")
    with staff_acts():
        publish_by_url(as_publisher, question)
    database.cut()

    for address, response in before.items():
        again = client.get(address)
        assert again.status_code == 200, address
        assert again["Warning"] == '110 - "Response is Stale"'
        assert again.content == response.content


def test_a_leaflet_publication_does_its_work_at_commit_once_however_many_rows_it_changes(
    leaflet_content, staff_acts
):
    leaflet = Leaflet.objects.get()
    for question in leaflet.questions.all():
        question.answer += " Reworded."
        question.save()
    with mock.patch("scr_site.outage.render", wraps=outage.render) as render, staff_acts():
        publish_item(leaflet, user=None)
    assert render.call_count == 1


def test_one_withdrawal_among_a_transactions_changes_makes_its_commit_a_withdrawal(
    leaflet_content, staff_acts
):
    before = withdrawals.current()
    with staff_acts(), transaction.atomic():
        for withdrawal in (False, True, False):
            page_cache.invalidate(withdrawal=withdrawal)
    assert withdrawals.current() != before
    # The commit of a change that withdraws nothing keeps the mark.
    after = withdrawals.current()
    with staff_acts(), transaction.atomic():
        page_cache.invalidate()
    assert withdrawals.current() == after


def test_a_request_that_read_the_mark_just_before_a_withdrawal_does_not_bring_the_old_one_back(
    site, staff_acts
):
    before = withdrawals.current()
    with staff_acts():
        Page.objects.get(slug="accessibility").delete()
    after = withdrawals.current()
    # A request elsewhere in this process found the old mark in the cache a moment before.
    assert withdrawals.current({withdrawals.MARK_KEY: before}) == after
    assert withdrawals.current() == after


# --- the outage page ---------------------------------------------------------------


def test_a_page_never_saved_gets_the_outage_page_with_both_boards(client, site, database):
    database.cut()
    response = client.get("/privacy/")
    assert_outage_page(response)
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"


def test_an_unknown_address_gets_the_outage_page_while_the_database_is_down(site, database):
    # As a browser sees it: the test client would otherwise raise the error the not-found page met.
    client = Client(raise_request_exception=False)
    database.cut()
    assert_outage_page(client.get("/this-page-does-not-exist/"))
    assert_outage_page(client.get("/no/such/address"))


def test_the_outage_page_has_the_exit_button_to_the_address_staff_chose(client, site, database):
    settings_row = SiteSettings.load()
    settings_row.exit_url = "https://www.google.co.uk/"
    settings_row.save()
    outage.publish()
    database.cut()
    html = page(client.get("/accessibility/"))
    exit_link = html.select_one("[data-exit-link]")
    assert exit_link["href"] == "https://www.google.co.uk/"
    assert text_of(exit_link) == "Emergency: Exit this page"
    # First to be reached from the keyboard after the skip link, as on every page.
    assert html.body.find_all("a")[1] is exit_link


def test_the_outage_page_needs_no_templates(client, site, database):
    database.cut()
    missing = TemplateDoesNotExist("outage.html")
    with (
        mock.patch("django.template.loader.get_template", side_effect=missing),
        mock.patch("django.template.loader.render_to_string", side_effect=missing),
    ):
        assert_outage_page(client.get("/privacy/"))


def test_the_outage_page_is_rewritten_at_each_publication(
    client, leaflet_content, database, settings, django_capture_on_commit_callbacks
):
    board = Board.objects.get(email="pscb@peterborough.gov.uk")
    board.telephone = "01733 863700"
    board.save()
    with django_capture_on_commit_callbacks(execute=True):
        publish_item(board, user=None)
    assert b"01733 863700" in settings.OUTAGE_PAGE_FILE.read_bytes()
    database.cut()
    assert "01733 863700" in main_text(client.get("/privacy/"))


def test_a_failure_to_write_the_outage_page_never_stops_a_publication(client, leaflet_content, caplog):
    with mock.patch("scr_site.outage.render", side_effect=RuntimeError("disk full")):
        publish_answer("Published although the outage page could not be written.")
        outage.publish()
    assert "Published although the outage page could not be written." in main_text(client.get("/"))
    assert any("outage page could not be rendered" in record.getMessage() for record in caplog.records)


def test_the_outage_page_is_written_when_a_release_migrates_the_database(leaflet_content, settings):
    assert not settings.OUTAGE_PAGE_FILE.exists()
    call_command("migrate", verbosity=0)
    assert BOARDS[0]["telephone"].encode() in settings.OUTAGE_PAGE_FILE.read_bytes()


def test_building_a_page_never_renders_the_outage_page(client, leaflet_content, settings):
    # Its queries would fall on a family's request.
    client.get("/")
    assert not settings.OUTAGE_PAGE_FILE.exists()


def test_with_no_outage_page_saved_anywhere_the_page_shipped_with_the_site_is_served(
    client, leaflet_content, database
):
    database.cut()
    response = client.get("/privacy/")
    assert response.status_code == 503
    html = page(response)
    assert text_of(html.h1) == OUTAGE_HEADING
    assert all(board["name"] in text_of(html) for board in BOARDS)
    assert html.select_one("[data-exit-link]")["href"] == SiteSettings.DEFAULT_EXIT_URL


# --- recovery, logging and /healthz ---------------------------------------------------


def test_pages_are_built_afresh_as_soon_as_the_database_answers_again(client, site, database):
    client.get("/")
    publish_answer("Published just before the database failed.")
    database.cut()
    assert "Warning" in client.get("/")
    assert client.get("/privacy/").status_code == 503
    database.restore()
    response = client.get("/")
    assert "Published just before the database failed." in main_text(response)
    assert "Warning" not in response
    assert client.get("/privacy/").status_code == 200


def test_a_database_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    client, site, database, caplog
):
    client.get("/")
    publish_answer("Published just before the database failed.")
    with caplog.at_level(logging.WARNING, logger="scr_site.page_cache"):
        database.cut()
        for path in ["/", "/privacy/"] * 5:
            client.get(path)
        database.restore()
        client.get("/")
        client.get("/")
    messages = [record.getMessage() for record in caplog.records if record.name == "scr_site.page_cache"]
    assert len(messages) == 2
    assert "The database is not answering" in messages[0]
    assert "The database is answering again" in messages[1]
    # Handled, so Django does not log an error page for every family.
    assert not [record for record in caplog.records if record.name == "django.request"]


def test_health_check_answers_200_while_it_has_saved_pages_to_serve(client, site, database):
    client.get("/")
    database.cut()
    assert health(client) == (200, ["database unavailable", "cache ok", "serving saved pages"])


def test_health_check_answers_503_when_the_database_is_down_and_nothing_is_saved(client, site, database):
    database.cut()
    assert health(client) == (503, ["database unavailable", "cache ok", "no saved pages to serve"])


def test_health_check_answers_503_when_every_saved_page_predates_a_withdrawal(
    client, site, as_publisher, database, staff_acts
):
    client.get("/")
    with staff_acts():
        delete_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    database.cut()
    assert health(client) == (503, ["database unavailable", "cache ok", "no saved pages to serve"])


# --- several instances, sharing Redis --------------------------------------------------


def test_another_instance_copies_the_outage_page_to_its_own_disk_after_a_publication(
    client, leaflet_content, shared_cache, settings, tmp_path, django_capture_on_commit_callbacks
):
    # This instance publishes: the page goes to Redis and its own disk.
    with django_capture_on_commit_callbacks(execute=True):
        publish_answer("A publication elsewhere.")
    # Another instance, with a disk of its own, serves its next page.
    settings.OUTAGE_PAGE_FILE = tmp_path / "other-instance.html"
    client.get("/")
    assert BOARDS[1]["telephone"].encode() in settings.OUTAGE_PAGE_FILE.read_bytes()


def test_an_instance_started_while_the_database_is_down_serves_the_shared_outage_page(
    client, leaflet_content, shared_cache, database, settings, tmp_path
):
    outage.publish()
    settings.OUTAGE_PAGE_FILE = tmp_path / "new-instance.html"
    database.cut()
    assert_outage_page(client.get("/privacy/"))


def test_with_redis_and_the_database_both_down_pages_this_instance_served_are_still_served(
    client, leaflet_content, shared_cache, database
):
    outage.publish()
    before = {path: client.get(path) for path in ["/", "/accessibility/"]}
    shared_cache.kill()
    database.cut()
    for path, response in before.items():
        again = client.get(path)
        assert again.status_code == 200
        assert again.content == response.content
        assert again["Warning"] == '110 - "Response is Stale"'
    assert_outage_page(client.get("/privacy/"))
    assert health(client) == (200, ["database unavailable", "cache unavailable", "serving saved pages"])


def test_with_redis_and_the_database_both_down_and_nothing_saved_health_check_answers_503(
    client, leaflet_content, shared_cache, database
):
    shared_cache.kill()
    database.cut()
    assert health(client) == (503, ["database unavailable", "cache unavailable", "no saved pages to serve"])


@pytest.mark.parametrize("redis_fails", ["before the withdrawal", "after the withdrawal"])
def test_with_redis_and_the_database_both_down_pages_saved_before_a_withdrawal_are_not_served(
    client, leaflet_content, shared_cache, as_publisher, database, staff_acts, redis_fails
):
    outage.publish()
    for address in ["/", "/accessibility/"]:
        assert client.get(address).status_code == 200
    if redis_fails == "before the withdrawal":
        shared_cache.kill()
    with staff_acts():
        delete_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    if redis_fails == "after the withdrawal":
        shared_cache.kill()
    database.cut()

    assert_outage_page(client.get("/accessibility/"))
    assert_outage_page(client.get("/"))
    assert health(client) == (503, ["database unavailable", "cache unavailable", "no saved pages to serve"])


def test_a_withdrawal_made_while_redis_was_cut_off_reaches_every_instance_once_it_answers(
    client, leaflet_content, cut_off_cache, as_publisher, database, staff_acts, monkeypatch
):
    outage.publish()
    for address in ["/", "/accessibility/"]:
        assert client.get(address).status_code == 200
    cut_off_cache.cut()
    with staff_acts():
        delete_in_admin(as_publisher, Page.objects.get(slug="accessibility"))
    cut_off_cache.restore()
    wait_for(lambda: "cache ok" in health(client)[1], message="the cache to be used again")

    # Another instance, which shares Redis and keeps nothing of its own, while the database is down.
    monkeypatch.setattr(withdrawals, "process_mark", withdrawals.ProcessMark())
    saved_pages.local_copies.clear()
    database.cut()
    assert_outage_page(client.get("/accessibility/"))
    assert_outage_page(client.get("/"))
