"""A short notice at the top of every public page, shown only between its dates and only when published."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import SiteNotice

from .conftest import PUBLIC_PATHS
from .helpers import page, text_of
from .staff import signed_in, staff_member

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
MESSAGE = "The board's office is closed on Friday 18 December."


@pytest.fixture
def as_publisher(db):
    return signed_in(staff_member("pat", "Publisher"))


def notice_on(client, path="/"):
    notice = page(client.get(path)).select_one(".site-notice")
    return text_of(notice) if notice else None


def notice(**fields):
    return SiteNotice.objects.create(**{"message": MESSAGE, "show_to_families": True, **fields})


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_current_notice_is_at_the_top_of_every_public_page(client, leaflet_content, path):
    now = timezone.now()
    notice(starts_at=now - HOUR, ends_at=now + HOUR)

    html = page(client.get(path))
    shown = html.select_one(".site-notice")
    assert text_of(shown) == MESSAGE
    # Above the page's own content, so it is read before anything else on the page.
    assert shown.find_parent("main") is None
    assert shown.find_next("main") is not None
    assert shown["role"] == "region"
    assert shown["aria-label"] == "Notice"


def test_a_notice_with_no_dates_shows_while_published(client, leaflet_content):
    notice()

    assert notice_on(client) == MESSAGE


def test_a_notice_is_not_shown_before_it_starts(client, leaflet_content):
    notice(starts_at=timezone.now() + HOUR)

    assert notice_on(client) is None


def test_a_notice_is_not_shown_after_it_ends(client, leaflet_content):
    now = timezone.now()
    notice(starts_at=now - 2 * HOUR, ends_at=now - datetime.timedelta(minutes=1))

    assert notice_on(client) is None


def test_a_notice_appears_at_its_start_and_goes_at_its_end(client, leaflet_content):
    start = timezone.now() + HOUR
    notice(starts_at=start, ends_at=start + HOUR)

    for moment, expected in [
        (start - datetime.timedelta(seconds=1), None),
        (start, MESSAGE),
        (start + HOUR - datetime.timedelta(seconds=1), MESSAGE),
        (start + HOUR, None),
    ]:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            assert notice_on(client) == expected, moment


def test_an_unpublished_notice_is_not_shown(client, leaflet_content):
    now = timezone.now()
    notice(starts_at=now - HOUR, ends_at=now + HOUR, show_to_families=False)

    assert notice_on(client) is None


def test_a_notice_shows_as_soon_as_a_publisher_adds_it(client, as_publisher, leaflet_content):
    response = as_publisher.post(
        reverse("admin:leaflet_sitenotice_add"), {"message": MESSAGE, "show_to_families": "on"}
    )
    assert response.status_code == 302

    assert notice_on(client) == MESSAGE
    assert notice_on(client, "/privacy/") == MESSAGE


def test_a_notice_goes_as_soon_as_a_publisher_unpublishes_it(client, as_publisher, leaflet_content):
    shown = notice()
    response = as_publisher.post(admin_url(shown), {"message": MESSAGE})
    assert response.status_code == 302

    assert notice_on(client) is None


def test_a_notices_markdown_is_sanitised(client, as_publisher, leaflet_content):
    message = (
        "## Closed\n\n**Closed** on Friday. <script>alert(1)</script><img src=x onerror=alert(1)> "
        "[Trick](javascript:alert(1)) [Opening hours](https://www.peterborough.gov.uk/)"
    )
    as_publisher.post(reverse("admin:leaflet_sitenotice_add"), {"message": message, "show_to_families": "on"})

    shown = page(client.get("/")).select_one(".site-notice")
    assert shown.select("script, img, h1, h2, h3, h4, h5, h6, [onerror]") == []
    assert [text_of(b) for b in shown.select("strong")] == ["Closed"]
    assert [a.get("href") for a in shown.select("a")] == [None, "https://www.peterborough.gov.uk/"]
    assert "javascript:" not in str(shown)
    assert "onerror" not in str(shown)


def test_a_notice_adds_no_heading_to_the_page(client, leaflet_content):
    notice(message="# Important\n\n## Closed\n\nOffice closed on Friday.")

    html = page(client.get("/"))
    assert len(html.find_all("h1")) == 1
    assert html.select_one(".site-notice").select("h1, h2, h3, h4, h5, h6") == []


def admin_notice_form(**fields):
    return {
        "message": MESSAGE,
        "show_to_families": "on",
        "starts_at": "2026-12-10T09:00",
        "ends_at": "2026-12-18T17:00",
        **fields,
    }


def field_errors(response, field):
    row = page(response).select_one(f".field-{field}")
    return [text_of(error) for error in row.select(".errorlist li")] if row else []


def test_a_notice_ending_before_it_starts_is_rejected_on_the_end_field(as_publisher, leaflet_content):
    response = as_publisher.post(
        reverse("admin:leaflet_sitenotice_add"), admin_notice_form(ends_at="2026-12-01T09:00")
    )

    assert response.status_code == 200
    assert field_errors(response, "ends_at") == ["The notice must end after it starts."]
    assert field_errors(response, "starts_at") == []
    assert not SiteNotice.objects.exists()


def test_a_notice_ending_when_it_starts_is_rejected(as_publisher, leaflet_content):
    response = as_publisher.post(
        reverse("admin:leaflet_sitenotice_add"), admin_notice_form(ends_at="2026-12-10T09:00")
    )

    assert response.status_code == 200
    assert field_errors(response, "ends_at") == ["The notice must end after it starts."]
    assert not SiteNotice.objects.exists()


def test_a_notice_with_its_dates_in_order_is_saved(as_publisher, leaflet_content):
    response = as_publisher.post(reverse("admin:leaflet_sitenotice_add"), admin_notice_form())

    assert response.status_code == 302
    saved = SiteNotice.objects.get()
    assert timezone.localtime(saved.starts_at).strftime("%Y-%m-%d %H:%M") == "2026-12-10 09:00"
    assert timezone.localtime(saved.ends_at).strftime("%Y-%m-%d %H:%M") == "2026-12-18 17:00"
