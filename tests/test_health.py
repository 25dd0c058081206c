import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


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
