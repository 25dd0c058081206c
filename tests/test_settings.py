"""Production settings must refuse to start without what production needs."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k" * 60,
    "DJANGO_ALLOWED_HOSTS": "scr.example.gov.uk",
}


def start(code="import django; django.setup()", **environment):
    """Load the settings in a fresh interpreter, as gunicorn would at start-up."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "scr_site.settings"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_start():
    assert start(**PRODUCTION).returncode == 0


@pytest.mark.parametrize(
    "missing, bad_value",
    [("DJANGO_SECRET_KEY", ""), ("DJANGO_SECRET_KEY", "short"), ("DJANGO_ALLOWED_HOSTS", "")],
)
def test_production_refuses_to_start_and_names_the_missing_variable(missing, bad_value):
    result = start(**{**PRODUCTION, missing: bad_value})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr or f"{missing} must list" in result.stderr


def test_debug_is_off_unless_asked_for():
    environment = {key: value for key, value in PRODUCTION.items() if key != "DJANGO_DEBUG"}
    result = start("from django.conf import settings; print(settings.DEBUG)", **environment)
    assert result.stdout.strip() == "False"
