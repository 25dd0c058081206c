"""Redis is a cache, never a single point of failure: killed, hung or refusing, every page is served."""

import logging
import threading

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Leaflet, Question
from scr_site.redis_cache import ReusingRedisCacheClient

from .faults import wait_for
from .helpers import page, text_of

pytestmark = pytest.mark.django_db

PAGES = ["/", "/privacy/", "/accessibility/", "/leave-this-site-quickly/"]
PASSWORD = "a-long-password-1"


def redis_keys(server, pattern="*"):
    client = redis.Redis.from_url(server.url)
    try:
        return [key.decode() for key in client.keys(pattern)]
    finally:
        client.close()


def heading(response):
    return text_of(page(response).h1)


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.content.decode().splitlines()


def test_every_page_is_served_from_the_database_when_redis_is_killed(client, leaflet_content, shared_cache):
    headings = {path: heading(client.get(path)) for path in PAGES}
    assert any(":/privacy/:" in key for key in redis_keys(shared_cache))

    shared_cache.kill()

    for _ in range(3):
        for path in PAGES:
            response = client.get(path)
            assert response.status_code == 200, path
            assert heading(response) == headings[path]


def test_every_page_is_served_when_redis_refuses_connections_from_the_start(
    client, leaflet_content, shared_cache
):
    shared_cache.kill()
    for path in PAGES:
        assert client.get(path).status_code == 200, path


def test_a_hung_redis_is_asked_once_and_then_left_alone(client, leaflet_content, shared_cache, monkeypatch):
    client.get("/")
    asked = []
    ask = ReusingRedisCacheClient.get_client

    def counting(self, *args, **kwargs):
        # Requests only: the thread that watches for Redis's return pings it as it should.
        if threading.current_thread() is threading.main_thread():
            asked.append(1)
        return ask(self, *args, **kwargs)

    monkeypatch.setattr(ReusingRedisCacheClient, "get_client", counting)
    shared_cache.hang()

    responses = [client.get(path) for path in PAGES * 5]

    assert [response.status_code for response in responses] == [200] * len(responses)
    # One call waited for the timeout; every later request went straight to the database.
    assert len(asked) == 1


def test_an_outage_is_logged_once_not_for_every_request(client, leaflet_content, shared_cache, caplog):
    client.get("/")
    shared_cache.kill()
    with caplog.at_level(logging.WARNING, logger="scr_site.redis_cache"):
        for _ in range(10):
            client.get("/")
    messages = [record.getMessage() for record in caplog.records if record.name == "scr_site.redis_cache"]
    assert len(messages) == 1
    assert "is not answering" in messages[0]
    assert "Pages are built from the database" in messages[0]


def test_redis_is_used_again_once_it_answers_and_that_is_logged(
    client, leaflet_content, shared_cache, caplog
):
    client.get("/")
    shared_cache.kill()
    client.get("/")
    with caplog.at_level(logging.WARNING, logger="scr_site.redis_cache"):
        shared_cache.start()
        wait_for(lambda: "cache ok" in health(client)[1], message="the cache to be used again")
    client.get("/privacy/")
    assert any(":/privacy/:" in key for key in redis_keys(shared_cache))
    assert any("is answering again" in record.getMessage() for record in caplog.records)


def test_a_publication_made_while_redis_was_cut_off_shows_once_it_answers(
    client, leaflet_content, cut_off_cache
):
    assert "Published while Redis was cut off." not in text_of(page(client.get("/")).main)
    cut_off_cache.cut()

    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "Published while Redis was cut off."
    question.save()
    publish_item(Leaflet.objects.get(), user=None)
    assert "Published while Redis was cut off." in text_of(page(client.get("/")).main)

    cut_off_cache.restore()
    wait_for(lambda: "cache ok" in health(client)[1], message="the cache to be used again")
    # The page cached before the outage is still in Redis, and must not come back.
    assert "Published while Redis was cut off." in text_of(page(client.get("/")).main)


def test_health_check_says_cache_unavailable_with_200_when_only_redis_is_down(client, shared_cache):
    assert health(client) == (200, ["database ok", "cache ok"])
    shared_cache.kill()
    assert health(client) == (200, ["database ok", "cache unavailable"])


def test_health_check_says_cache_unavailable_with_200_when_redis_is_hung(client, shared_cache):
    shared_cache.hang()
    assert health(client) == (200, ["database ok", "cache unavailable"])


def test_without_redis_the_cache_acts_as_an_empty_cache_that_keeps_nothing(shared_cache):
    shared_cache.kill()
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is True
    cache.set("key", 1)
    assert cache.get("key") is None
    assert cache.get_many(["key"]) == {}
    assert cache.set_many({"key": 1}) == ["key"]
    assert cache.has_key("key") is False
    assert cache.delete("key") is False
    with pytest.raises(ValueError):
        cache.incr("key")


# --- Staff ------------------------------------------------------------------------
# Sessions and sign-in lockouts are kept in the database, so staff work on without Redis.


@pytest.fixture
def staff_member(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(browser, password):
    return browser.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_staff_sign_in_and_stay_signed_in_while_redis_is_down(leaflet_content, shared_cache, staff_member):
    shared_cache.kill()
    browser = Client()
    response = sign_in(browser, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/admin/leaflet/").status_code == 200


def test_wrong_passwords_still_lock_signing_in_while_redis_is_down(
    leaflet_content, shared_cache, staff_member
):
    shared_cache.kill()
    browser = Client()
    for _ in range(5):
        sign_in(browser, "not-the-password-1")
    response = sign_in(browser, PASSWORD)
    assert response.status_code in (403, 429)
    assert "Signing in is paused for an hour" in text_of(page(response))


def test_a_publication_while_redis_is_down_shows_to_families_at_once(client, leaflet_content, shared_cache):
    client.get("/")
    shared_cache.kill()
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "Published while Redis was down."
    question.save()
    publish_item(Leaflet.objects.get(), user=None)
    assert "Published while Redis was down." in text_of(page(client.get("/")).main)
