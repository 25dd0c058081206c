"""What search engines and security researchers find: the sitemap, robots.txt and security.txt."""

import datetime
import os
import secrets
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Leaflet, Page, SiteSettings

from .helpers import page, text_of

pytestmark = pytest.mark.django_db

SITE = "https://scr.example.gov.uk"
NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        entry.findtext("s:loc", namespaces=NAMESPACES): entry.findtext("s:lastmod", namespaces=NAMESPACES)
        for entry in root.findall("s:url", NAMESPACES)
    }


@override_settings(SITE_URL=SITE)
def test_the_sitemap_lists_exactly_the_published_pages_at_the_public_address(client, leaflet_content):
    assert set(sitemap(client)) == {
        f"{SITE}/",
        f"{SITE}/leave-this-site-quickly/",
        f"{SITE}/accessibility/",
        f"{SITE}/privacy/",
    }


@override_settings(SITE_URL=SITE)
def test_each_entry_says_when_what_it_shows_was_last_published(client, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    Page.objects.filter(pk=privacy.pk).update(title="Privacy")
    privacy.refresh_from_db()
    publish_item(privacy, user=None)
    today = timezone.localdate().isoformat()
    entries = sitemap(client)
    assert entries[f"{SITE}/privacy/"] == today
    assert all(lastmod for lastmod in entries.values())


@override_settings(SITE_URL=SITE)
def test_drafts_and_hidden_pages_are_left_out(client, leaflet_content):
    Page.objects.create(title="Coming soon", slug="coming-soon", body="Not yet.")
    hidden = Page.objects.get(slug="accessibility")
    hidden.show_to_families = False
    hidden.save()
    publish_item(hidden, user=None)
    entries = sitemap(client)
    assert f"{SITE}/coming-soon/" not in entries
    assert f"{SITE}/accessibility/" not in entries
    assert f"{SITE}/privacy/" in entries


@override_settings(SITE_URL=SITE)
def test_a_second_published_leaflet_is_listed_at_its_own_address(client, leaflet_content):
    second = Leaflet.objects.create(title="For young people", slug="young-people")
    publish_item(second, user=None)
    assert f"{SITE}/leaflets/young-people/" in sitemap(client)


def robots(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode().splitlines()


@override_settings(SITE_URL=SITE)
def test_robots_txt_keeps_crawlers_out_of_staff_pages_and_forms_and_names_the_sitemap(client, db):
    lines = robots(client)
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/preview/", "/feedback/"):
        assert f"Disallow: {path}" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_robots_txt_disallows_the_admin_wherever_django_admin_path_puts_it():
    # A site started with its own DJANGO_ADMIN_PATH, as a live server would be.
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "scr_site.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_ADMIN_PATH": "staff-only-7f3a",
        }
    )
    code = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/robots.txt').content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stdout.splitlines()
    assert "Disallow: /staff-only-7f3a/" in lines, result.stderr
    assert "Disallow: /admin/" not in lines


def security_settings(contact="security@peterborough.gov.uk", expires=None):
    site_settings = SiteSettings.load()
    site_settings.security_contact = contact
    site_settings.security_txt_expires = expires
    site_settings.save()


@override_settings(SITE_URL=SITE)
def test_security_txt_gives_the_contact_and_a_future_expiry(client, db):
    security_settings(expires=timezone.localdate() + datetime.timedelta(days=200))
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines() if line)
    assert fields["Contact"] == "mailto:security@peterborough.gov.uk"
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%S%z")
    assert expires > timezone.now()
    assert fields["Canonical"] == f"{SITE}/.well-known/security.txt"


def test_a_new_site_gives_the_security_contact_a_year_to_run(db):
    assert SiteSettings.load().security_txt_expires == timezone.localdate().replace(
        year=timezone.localdate().year + 1
    )


@pytest.mark.parametrize(
    "contact, expires", [("", datetime.date(2099, 1, 1)), ("security@example.gov.uk", None)]
)
def test_without_a_contact_and_a_date_there_is_no_security_txt(client, leaflet_content, contact, expires):
    security_settings(contact, expires)
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 404
    assert text_of(page(response).h1) == "Page not found"
