"""The headers that keep a family's visit private and the staff admin hard to attack.

Public pages are checked twice: the second answer comes from the page cache, and must
carry the same protection as the first.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from scr_site.leaflet.models import Leaflet

from .helpers import page

pytestmark = pytest.mark.django_db

STAFF_PASSWORD = "a-long-password-1"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=STAFF_PASSWORD, is_staff=True, is_superuser=True
    )


def address(which, client, staff_user):
    """Where each kind of page lives; the preview needs a signed-in member of staff."""
    if which == "preview":
        client.force_login(staff_user)
        return f"/preview/leaflets/{Leaflet.objects.get().pk}/"
    return {
        "home": "/",
        "page": "/accessibility/",
        "not_found": "/this-page-does-not-exist/",
        "admin_login": reverse("admin:login"),
    }[which]


KINDS = ["home", "page", "not_found", "admin_login", "preview"]
EXPECTED_STATUS = {"not_found": 404}


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture(params=KINDS)
def responses(request, client, leaflet_content, staff_user):
    """The first answer and a repeat of it (served from the page cache where the page is cacheable)."""
    path = address(request.param, client, staff_user)
    first, repeat = client.get(path), client.get(path)
    for response in (first, repeat):
        assert response.status_code == EXPECTED_STATUS.get(request.param, 200)
    return first, repeat


def test_content_security_policy_allows_no_inline_or_eval_code(responses):
    for response in responses:
        directives = csp_directives(response["Content-Security-Policy"])
        for name in ("script-src", "style-src"):
            sources = directives.get(name, directives.get("default-src"))
            assert sources, f"{name} falls back to nothing"
            assert "'unsafe-inline'" not in sources
            assert "'unsafe-eval'" not in sources
            assert "*" not in sources
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] in (["'none'"], ["'self'"])
        assert directives["form-action"] == ["'self'"]


def test_the_page_cannot_be_framed_or_sniffed(responses):
    for response in responses:
        assert response.get("X-Frame-Options") == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_other_sites_learn_only_the_origin_and_cannot_reach_the_window(responses):
    for response in responses:
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_unused_browser_features_are_switched_off(responses):
    for response in responses:
        policy = {item.strip() for item in response["Permissions-Policy"].split(",")}
        for feature in ("camera", "microphone", "geolocation", *settings.PERMISSIONS_POLICY):
            assert f"{feature}=()" in policy


def test_pages_carry_no_inline_script_or_style_for_the_policy_to_block(responses):
    html = page(responses[0])
    # JSON-LD is data for search engines, which browsers never run: the one inline block allowed.
    code = [script for script in html.find_all("script") if script.get("type") != "application/ld+json"]
    assert [script for script in code if not script.get("src")] == []
    assert html.find("style") is None
    assert html.select("[style]") == []
    assert html.select("[onclick], [onload], [onsubmit]") == []


def test_https_is_remembered_for_a_year_and_for_subdomains(client, leaflet_content):
    header = client.get("/", secure=True)["Strict-Transport-Security"]
    directives = [part.strip() for part in header.split(";")]
    max_age = int(re.fullmatch(r"max-age=(\d+)", directives[0]).group(1))
    assert max_age >= 365 * 24 * 60 * 60
    assert "includeSubDomains" in directives


@pytest.mark.parametrize("path", ["/", "/accessibility/", reverse("admin:login")])
def test_plain_http_is_sent_to_https(client, leaflet_content, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{path}"


def sign_in_through_the_form(client):
    """Sign in as a browser would: read the form's CSRF token, then post it with the password."""
    form = page(client.get(reverse("admin:login"))).select_one("#login-form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(
        f"{reverse('admin:login')}?next={reverse('admin:index')}",
        {"csrfmiddlewaretoken": token, "username": "editor", "password": STAFF_PASSWORD},
    )
    assert response.status_code == 302, response.content
    assert response["Location"] == reverse("admin:index")


@pytest.fixture
def signed_in_client(client, staff_user):
    # The CSRF cookie is HttpOnly: the sign-in must still work from the form's own token.
    client.handler.enforce_csrf_checks = True
    sign_in_through_the_form(client)
    assert client.get(reverse("admin:index")).status_code == 200
    return client


def test_staff_session_cookie_is_secure_httponly_and_strict(signed_in_client):
    cookie = signed_in_client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"


def test_csrf_cookie_is_secure_httponly_and_strict(signed_in_client):
    cookie = signed_in_client.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"


def test_staff_session_ends_with_the_browser_and_after_eight_hours_at_most(signed_in_client):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    cookie = signed_in_client.cookies[settings.SESSION_COOKIE_NAME]
    # A cookie with no lifetime of its own goes when the browser closes.
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    session = signed_in_client.session
    assert session.get_expire_at_browser_close() is True
    assert session.get_expiry_age() <= 8 * 60 * 60


def test_families_are_given_no_cookies(client, leaflet_content):
    for path in ("/", "/", "/accessibility/", "/this-page-does-not-exist/"):
        assert not client.get(path).cookies
