"""One address cannot flood the board with feedback, and nobody's address is kept to stop it."""

import datetime
import json
import socket

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from scr_site.feedback import rate_limit
from scr_site.feedback.models import ProblemReport, RecentPosts, UsefulnessAnswer

from .feedback_helpers import JSON, every_value_in_the_database, form_fields, heading_and_explanation, send

pytestmark = pytest.mark.django_db

LIMIT = settings.FEEDBACK_RATE_LIMIT
FLOODER = "198.51.100.7"


def flood(client, posts, address=FLOODER, headers=None):
    fields = form_fields(client, "/", "useful")
    return [
        send(client, "useful", fields=fields, address=address, headers=headers, useful="yes").status_code
        for _ in range(posts)
    ]


@pytest.mark.parametrize("in_cache", [False, True], ids=["counted in the database", "counted in the cache"])
def test_a_flood_of_1000_posts_from_one_address_stores_only_the_limit(
    client, leaflet_content, settings, in_cache
):
    settings.FEEDBACK_RATE_LIMIT_IN_CACHE = in_cache
    statuses = flood(client, 1000)
    assert UsefulnessAnswer.objects.count() == LIMIT
    assert statuses[:LIMIT] == [303] * LIMIT
    assert set(statuses[LIMIT:]) == {429}


def test_the_refusal_says_to_try_again_later_and_when(client, leaflet_content):
    flood(client, LIMIT)
    fields = form_fields(client, "/privacy/")
    response = send(client, "problem", fields=fields, address=FLOODER, text="The page is out of date.")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.FEEDBACK_RATE_WINDOW
    heading, text = heading_and_explanation(response)
    assert "A lot of feedback has been sent from your internet connection in the last hour." in text
    assert not ProblemReport.objects.exists()
    # What they wrote is given back, so it is not lost.
    assert "The page is out of date." in text


def test_the_refusal_in_place_says_the_same(client, leaflet_content):
    flood(client, LIMIT)
    response = send(client, "useful", headers=JSON, address=FLOODER, useful="no")
    assert response.status_code == 429
    assert "try again in an hour" in json.loads(response.content)["error"]


def test_another_address_can_still_send_feedback_during_a_flood(client, leaflet_content):
    flood(client, LIMIT + 5)
    assert send(client, "useful", address="192.0.2.200", useful="yes").status_code == 303


def test_the_address_may_send_again_once_the_hour_is_over(client, leaflet_content, monkeypatch):
    flood(client, LIMIT + 1)
    later = timezone.now() + datetime.timedelta(seconds=settings.FEEDBACK_RATE_WINDOW)
    monkeypatch.setattr(rate_limit.timezone, "now", lambda: later)
    assert send(client, "useful", address=FLOODER, useful="yes").status_code == 303


def test_no_address_is_kept_only_a_hash_salted_afresh_each_day(rf, settings):
    settings.FEEDBACK_RATE_LIMIT_IN_CACHE = False
    request = rf.post("/feedback/useful/", REMOTE_ADDR=FLOODER)
    rate_limit.allow(request)
    stored = list(RecentPosts.objects.values_list("key", flat=True))
    assert stored == [rate_limit.address_key(request, timezone.now())[0]]
    assert not [value for value in every_value_in_the_database() if FLOODER in value]
    # Thursday and Friday in one week-long window: only the day's salt tells them apart.
    settings.FEEDBACK_RATE_WINDOW = 7 * 24 * 60 * 60
    thursday = datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)
    friday = thursday + datetime.timedelta(days=1)
    assert rate_limit.address_key(request, thursday)[1] == rate_limit.address_key(request, friday)[1]
    assert rate_limit.address_key(request, thursday)[0] != rate_limit.address_key(request, friday)[0]


def test_counts_kept_in_the_database_are_forgotten_when_their_hour_is_over(rf, settings):
    settings.FEEDBACK_RATE_LIMIT_IN_CACHE = False
    now = timezone.now()
    rate_limit.allow(rf.post("/", REMOTE_ADDR=FLOODER), now=now)
    rate_limit.allow(rf.post("/", REMOTE_ADDR="192.0.2.200"), now=now + datetime.timedelta(hours=2))
    assert RecentPosts.objects.count() == 1


@override_settings(FEEDBACK_RATE_LIMIT_IN_CACHE=True)
def test_with_redis_the_count_is_kept_in_the_cache_not_in_the_database(client, leaflet_content):
    flood(client, LIMIT + 3)
    assert UsefulnessAnswer.objects.count() == LIMIT
    assert not RecentPosts.objects.exists()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_when_redis_is_down_the_database_counts_and_no_post_fails(
    client, leaflet_content, caplog, monkeypatch
):
    monkeypatch.setattr(rate_limit, "_cache_failing", False)
    fields = form_fields(client, "/", "useful")
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    with override_settings(CACHES=down, FEEDBACK_RATE_LIMIT_IN_CACHE=True):
        statuses = [
            send(client, "useful", fields=fields, address=FLOODER, useful="yes").status_code
            for _ in range(LIMIT + 5)
        ]
    assert statuses == [303] * LIMIT + [429] * 5
    assert UsefulnessAnswer.objects.count() == LIMIT
    assert RecentPosts.objects.exists()
    # Said once, not once for every post.
    assert caplog.text.count("counting in the database") == 1


def test_over_the_limit_the_refusal_is_about_the_limit_whatever_else_is_wrong(client, leaflet_content):
    flood(client, LIMIT)
    response = send(client, "problem", headers=JSON, address=FLOODER, text="x" * 1001)
    assert response.status_code == 429
    assert "try again in an hour" in json.loads(response.content)["error"]
