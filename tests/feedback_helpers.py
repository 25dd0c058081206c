"""Sending feedback the way a family's browser does: read the form on the page, then post it."""

import time

from django.core import signing
from django.db import connection

from scr_site.feedback.tokens import token_for

from .helpers import page, text_of

# Browsers send the page's own origin with every post from it.
ORIGIN = "http://testserver"
JSON = {"accept": "application/json"}


def form_fields(client, path="/", form="problem"):
    """The hidden fields of a feedback form as the page serves them (page, token, honeypot)."""
    html = page(client.get(path))
    selector = "form.feedback__problem-form" if form == "problem" else "form.feedback__useful"
    return {field["name"]: field.get("value", "") for field in html.select(f"{selector} input[name]")}


def send(client, kind, path="/", headers=None, fields=None, address="192.0.2.1", **answer):
    """Post `kind` ("useful" or "problem") from the form on `path`, from this site unless told otherwise."""
    data = {**(fields if fields is not None else form_fields(client, path, kind)), **answer}
    headers = {"origin": ORIGIN, **(headers or {})}
    return client.post(f"/feedback/{kind}/", data, headers=headers, REMOTE_ADDR=address)


def token_made(page_path, seconds_ago):
    """A token for `page_path` as a page built `seconds_ago` would carry it."""
    made_at = int(time.time() - seconds_ago)
    original = signing.TimestampSigner.timestamp
    signing.TimestampSigner.timestamp = lambda self: signing.b62_encode(made_at)
    try:
        return token_for(page_path)
    finally:
        signing.TimestampSigner.timestamp = original


def heading_and_explanation(response):
    html = page(response)
    main = html.select_one("main")
    return text_of(main.h1), text_of(main)


def every_value_in_the_database():
    """Every value in every table, as text: to prove something is stored nowhere."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            values += [str(value) for row in cursor.fetchall() for value in row]
    return values
