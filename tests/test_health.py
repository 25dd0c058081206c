import pytest
from django.db import DatabaseError

from scr_site import saved_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_saved_pages():
    """Each test starts with no page saved in this process, as a newly started one."""
    saved_pages.local_copies.clear()


def test_health_check_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz", headers={"host": "10.0.0.7:8000"})  # a load balancer's own address
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_health_check_answers_503_when_the_database_does_not(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"


def test_health_check_reports_the_database_and_the_cache_on_a_line_each(client):
    response = client.get("/healthz")
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().splitlines() == ["database ok", "cache ok"]


def test_health_check_answers_200_when_the_database_is_down_but_pages_are_saved(
    client, leaflet_content, monkeypatch
):
    client.get("/")

    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    response = client.get("/healthz")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines == ["database unavailable", "cache ok", "serving saved pages"]
