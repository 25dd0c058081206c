"""Django's own deployment checklist passes with the settings a live server gets."""

import os
import secrets
import string
import subprocess
import sys

import pytest
from django.conf import settings

# Set for the suite only (pyproject.toml); a live server never has them.
TEST_OVERRIDES = ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_REQUIRE_2FA")


def deploy_check(**changes):
    """Run the checklist in a fresh interpreter, as a live server would be configured."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "".join(
                secrets.choice(string.ascii_letters + string.digits + "-_") for _ in range(60)
            ),
            "DJANGO_ALLOWED_HOSTS": "scr.example.gov.uk",
            **changes,
        }
    )
    assert not [name for name in TEST_OVERRIDES if name in env and name not in changes]
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_deployment_checklist_passes_with_production_settings():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"DJANGO_SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"DJANGO_SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"DJANGO_SECURE_COOKIES": "false"}, "security.W012"),
    ],
)
def test_deployment_checklist_fails_and_names_a_weakened_setting(changes, problem):
    result = deploy_check(**changes)
    assert result.returncode != 0
    assert problem in result.stderr + result.stdout
