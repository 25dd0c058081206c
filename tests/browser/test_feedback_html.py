"""Every page a feedback post can lead to is valid HTML (the Nu HTML Checker, as for the other pages)."""

import json
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.test import Client, override_settings

from tests.browser.test_html_validity import VNU_JAR, describe
from tests.feedback_helpers import JSON, form_fields, send, token_made

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def database_down(client):
    fields = form_fields(client)

    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    from django.db.backends import utils

    original = utils.CursorWrapper.execute
    utils.CursorWrapper.execute = refuse
    try:
        return send(client, "problem", fields=fields, text="Hello")
    finally:
        utils.CursorWrapper.execute = original


OUTCOMES = {
    "thank-you": lambda client: client.get("/feedback/thank-you/", {"page": "/privacy/"}),
    "too-long": lambda client: send(client, "problem", "/privacy/", text="x" * 1001),
    "expired": lambda client: send(
        client, "problem", fields={**form_fields(client), "token": token_made("/", 3 * 86400)}, text="Hi"
    ),
    "no-answer": lambda client: send(client, "useful"),
    "honeypot": lambda client: send(client, "problem", website="spam", text="Hi"),
    "foreign-origin": lambda client: send(
        client, "problem", headers={"origin": "https://evil.example"}, text="Hi"
    ),
    "too-many": lambda client: [send(client, "problem", address="192.0.2.99", text="Hi") for _ in range(11)][
        -1
    ],
    "database-down": database_down,
}


@pytest.fixture(scope="module")
def nu_errors(django_db_setup, django_db_blocker, tmp_path_factory):
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: apt-get install default-jre-headless (`make test` does this)")
    folder = tmp_path_factory.mktemp("feedback-html")
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(FEEDBACK_RATE_LIMIT=10):
        call_command("load_content", verbosity=0)
        for name, outcome in OUTCOMES.items():
            response = outcome(Client())
            assert response.status_code < 500 or name == "database-down", f"{name}: {response.status_code}"
            assert response["Content-Type"].startswith("text/html"), name
            (folder / f"{name}.html").write_bytes(response.content)
        transaction.set_rollback(True)
    checker = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json"]
        + [str(folder / f"{name}.html") for name in OUTCOMES],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {name: [] for name in OUTCOMES}
    for message in json.loads(checker.stderr)["messages"]:
        name = message.get("url", "").rsplit("/", 1)[-1].removesuffix(".html")
        for page_errors in [errors[name]] if name in errors else errors.values():
            page_errors.append(message)
    return errors


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_page_a_feedback_post_leads_to_is_valid_html(nu_errors, outcome):
    assert not nu_errors[outcome], f"{outcome}: the Nu HTML Checker found:\n" + "\n".join(
        f"  - {describe(error)}" for error in nu_errors[outcome]
    )


def test_answers_in_place_are_json_not_pages(client, leaflet_content):
    response = send(client, "useful", headers=JSON, useful="yes")
    assert response["Content-Type"] == "application/json"
