"""The link checker: guidance links are visited as a browser would, and what was found is recorded."""

import time
from datetime import timedelta

import pytest
from django.core.management import CommandError
from django.utils import timezone

from scr_site.leaflet.links import checker as link_checker
from scr_site.leaflet.links.checker import USER_AGENT, check_all, check_and_record, check_link
from scr_site.leaflet.models import GuidanceLink

from . import fake_website
from .fake_website import SHORT_TIMEOUT, SLOW_SECONDS, make_link, run_check_links

pytestmark = pytest.mark.django_db

# The test website and its fixtures (tests/fake_website.py).
closed_port = fake_website.closed_port
test_website_address = fake_website.test_website_address
website = fake_website.website


def test_a_working_page_is_ok(website):
    result = check_link(f"{website.base}/ok", timeout=5)
    assert result.status == 200
    assert result.final_url == f"{website.base}/ok"
    assert result.problem == ""
    assert not result.broken
    assert not result.redirected


def test_a_working_page_is_asked_for_with_head_only(website):
    check_link(f"{website.base}/ok", timeout=5)
    assert [(method, path) for method, path, _ in website.requests] == [("HEAD", "/ok")]


def test_the_checker_says_who_it_is(website):
    check_link(f"{website.base}/ok", timeout=5)
    headers = website.requests[0][2]
    assert headers["User-Agent"] == USER_AGENT
    assert "Serious Case Reviews" in headers["User-Agent"]


def test_a_permanent_redirect_is_followed_and_reported(website):
    result = check_link(f"{website.base}/moved", timeout=5)
    assert result.status == 200
    assert result.final_url == f"{website.base}/ok"
    assert result.redirected
    assert not result.broken
    assert result.problem == f"Moved permanently to {website.base}/ok"


def test_a_redirect_keeps_using_head(website):
    check_link(f"{website.base}/moved", timeout=5)
    assert [(method, path) for method, path, _ in website.requests] == [("HEAD", "/moved"), ("HEAD", "/ok")]


def test_a_temporary_redirect_is_not_called_permanent(website):
    result = check_link(f"{website.base}/moved-for-now", timeout=5)
    assert result.redirected
    assert not result.broken
    assert result.problem == f"Redirects to {website.base}/ok"


def test_an_address_differing_only_in_letter_case_is_not_a_redirect(website):
    url = f"{website.base}/ok"
    result = check_link(url.replace("http://", "HTTP://"), timeout=5)
    assert not result.redirected
    assert result.problem == ""


def test_a_missing_page_is_broken(website):
    result = check_link(f"{website.base}/missing", timeout=5)
    assert result.status == 404
    assert result.broken
    assert result.problem == "The page was not found (404)"


def test_a_server_fault_is_broken(website):
    result = check_link(f"{website.base}/server-error", timeout=5)
    assert result.status == 500
    assert result.broken
    assert result.problem == "The website reported a fault of its own (500)"


def test_a_redirect_to_a_missing_page_is_broken_and_says_where_it_went(website):
    result = check_link(f"{website.base}/moved-to-missing", timeout=5)
    assert result.status == 404
    assert result.broken
    assert result.redirected
    assert result.final_url == f"{website.base}/missing"
    assert result.problem == f"The page was not found (404), after redirecting to {website.base}/missing"


def test_a_redirect_loop_is_broken_and_stops(website):
    result = check_link(f"{website.base}/loop", timeout=5)
    assert result.broken
    assert result.status == 301
    assert result.problem == "The link redirects round in a loop (301)"
    assert len(website.requests) <= 11


def test_a_server_that_refuses_head_is_asked_again_with_get(website):
    result = check_link(f"{website.base}/no-head", timeout=5)
    assert result.status == 200
    assert not result.broken
    assert result.problem == ""
    assert [(method, path) for method, path, _ in website.requests] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
    ]


def test_a_website_that_sets_a_cookie_and_sends_the_visitor_back_works(website):
    result = check_link(f"{website.base}/needs-a-cookie", timeout=5)
    assert result.status == 200
    assert not result.broken
    assert result.problem == ""


def test_a_slow_website_times_out_as_broken(website):
    started = time.monotonic()
    result = check_link(f"{website.base}/slow", timeout=SHORT_TIMEOUT)
    assert time.monotonic() - started < SLOW_SECONDS
    assert result.status is None
    assert result.broken
    assert result.problem == "The website did not answer within 0.5 seconds"
    assert result.final_url == f"{website.base}/slow"


def test_a_refused_connection_is_broken(closed_port):
    url = f"http://127.0.0.1:{closed_port}/ok"
    result = check_link(url, timeout=5)
    assert result.status is None
    assert result.broken
    assert result.final_url == url
    assert result.problem == "The website refused the connection"


def test_an_address_that_is_not_a_web_page_is_broken_without_being_opened():
    result = check_link("file:///etc/passwd", timeout=5)
    assert result.broken
    assert result.status is None
    assert result.problem == "Leads to an address that is not a web page: file:///etc/passwd"


def test_checking_records_the_result_on_the_link(website):
    link = make_link(f"{website.base}/moved")
    check_and_record(link, timeout=5)
    link.refresh_from_db()
    assert link.link_status == 200
    assert link.link_final_url == f"{website.base}/ok"
    assert link.link_problem == f"Moved permanently to {website.base}/ok"
    assert timezone.now() - link.link_checked_at < timedelta(seconds=30)


def test_checking_records_a_failed_connection_with_no_status(closed_port):
    link = make_link(f"http://127.0.0.1:{closed_port}/ok")
    check_and_record(link, timeout=5)
    link.refresh_from_db()
    assert link.link_status is None
    assert link.link_problem == "The website refused the connection"
    assert link.link_checked_at is not None


def test_checking_changes_nothing_staff_edit_nor_the_last_updated_time(website):
    link = make_link(
        f"{website.base}/missing", title="Keeping Children Safe", description="Schools.", order=7
    )
    before = GuidanceLink.objects.values("title", "url", "description", "order", "updated_at").get()
    check_and_record(link, timeout=5)
    after = GuidanceLink.objects.values("title", "url", "description", "order", "updated_at").get()
    assert after == before


def test_checking_does_not_undo_a_staff_edit_made_while_it_ran(website):
    link = make_link(f"{website.base}/ok", title="Old title")
    GuidanceLink.objects.filter(pk=link.pk).update(title="New title")
    check_and_record(link, timeout=5)
    assert GuidanceLink.objects.get().title == "New title"


def test_a_link_that_is_fixed_loses_its_old_problem(website):
    link = make_link(f"{website.base}/ok")
    GuidanceLink.objects.filter(pk=link.pk).update(
        link_status=404, link_problem="The page was not found (404)"
    )
    check_and_record(link, timeout=5)
    link.refresh_from_db()
    assert link.link_status == 200
    assert link.link_problem == ""
    assert link.link_final_url == f"{website.base}/ok"


def test_check_all_records_every_link(website):
    ok = make_link(f"{website.base}/ok", order=1)
    missing = make_link(f"{website.base}/missing", order=2)
    results = check_all(GuidanceLink.objects.all(), timeout=5)
    assert [(link.pk, result.broken) for link, result in results] == [(ok.pk, False), (missing.pk, True)]
    assert set(GuidanceLink.objects.values_list("link_status", flat=True)) == {200, 404}


def test_stored_results_can_be_filtered_by_what_was_found(website, closed_port):
    never_checked = make_link(f"{website.base}/ok", title="Never checked")
    working = make_link(f"{website.base}/ok", title="Working")
    moved = make_link(f"{website.base}/moved", title="Moved")
    missing = make_link(f"{website.base}/missing", title="Missing")
    looping = make_link(f"{website.base}/loop", title="Looping")
    refused = make_link(f"http://127.0.0.1:{closed_port}/ok", title="Refused")
    check_all([working, moved, missing, looping, refused], timeout=5)

    def titles(condition):
        return set(GuidanceLink.objects.filter(condition).values_list("title", flat=True))

    assert titles(link_checker.UNCHECKED) == {never_checked.title}
    assert titles(link_checker.WORKING) == {working.title}
    assert titles(link_checker.REDIRECTED) == {moved.title}
    assert titles(link_checker.BROKEN) == {missing.title, looping.title, refused.title}


def test_the_command_prints_a_line_per_link_and_a_summary(website):
    make_link(f"{website.base}/ok", title="Working Together", order=1)
    make_link(f"{website.base}/moved", title="Moved guidance", order=2)
    make_link(f"{website.base}/missing", title="Withdrawn guidance", order=3)

    lines = run_check_links("--timeout", "5").splitlines()

    assert lines == [
        f"OK          Working Together ({website.base}/ok)",
        f"REDIRECTED  Moved guidance ({website.base}/moved) -> {website.base}/ok",
        f"BROKEN      Withdrawn guidance ({website.base}/missing): The page was not found (404)",
        "Checked 3 links: 1 OK, 1 redirected, 1 broken.",
    ]


def test_the_command_records_what_it_found(website):
    link = make_link(f"{website.base}/missing")
    run_check_links("--timeout", "5")
    link.refresh_from_db()
    assert link.link_status == 404
    assert link.link_checked_at is not None


def test_the_command_passes_its_timeout_on(website):
    make_link(f"{website.base}/slow", title="Slow guidance")
    output = run_check_links("--timeout", str(SHORT_TIMEOUT))
    assert "BROKEN      Slow guidance" in output
    assert "did not answer within 0.5 seconds" in output


def test_the_command_with_no_links_says_so():
    assert run_check_links() == "No guidance links to check.\n"


def test_the_command_rejects_a_timeout_that_is_not_a_positive_number():
    with pytest.raises(CommandError, match="seconds"):
        run_check_links("--timeout", "0")
