import pytest
from django.urls import reverse

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import Language, Page, SiteSettings

from .conftest import PUBLIC_PATHS
from .helpers import page, text_of

pytestmark = pytest.mark.django_db

FOOTER_PAGES = {
    "/leave-this-site-quickly/": "How to leave this site quickly and cover your tracks",
    "/accessibility/": "Accessibility statement",
    "/privacy/": "Privacy and cookies",
}


@pytest.mark.parametrize("path, title", FOOTER_PAGES.items())
def test_footer_page_is_served_with_its_title(client, leaflet_content, path, title):
    response = client.get(path)
    assert response.status_code == 200
    assert text_of(page(response).h1) == title


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_page_links_to_the_footer_pages(client, leaflet_content, path):
    footer = page(client.get(path)).select_one("footer")
    assert {a["href"]: text_of(a) for a in footer.select("a")} == FOOTER_PAGES


def test_accessibility_statement_follows_the_model_statement(client, leaflet_content):
    html = page(client.get("/accessibility/"))
    headings = {text_of(h) for h in html.select("main h2, main h3")}
    for heading in [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ]:
        assert heading in headings
    assert "WCAG" in html.get_text() or "Web Content Accessibility Guidelines version 2.2" in html.get_text()
    assert html.find("a", href="https://www.equalityadvisoryservice.com/") is not None


def test_privacy_page_says_families_get_no_cookies(client, leaflet_content):
    text = page(client.get("/privacy/")).get_text()
    assert "does not put any cookies on your device" in text


def test_page_body_is_edited_as_markdown_and_sanitised(client, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    privacy.body = "## New heading\n\nText <script>alert(1)</script> with [a link](javascript:alert(1))."
    privacy.save()
    publish_item(privacy, user=None)
    html = page(client.get("/privacy/"))
    assert html.select_one("main h2").get_text() == "New heading"
    assert html.select_one("main script") is None
    assert html.select_one("main a:not([href])") is not None


def test_unpublished_page_is_not_found_and_leaves_the_footer(client, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    privacy.show_to_families = False
    privacy.save()
    publish_item(privacy, user=None)
    assert client.get("/privacy/").status_code == 404
    assert page(client.get("/")).select_one('footer a[href="/privacy/"]') is None


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_exit_this_page_is_a_plain_link_on_every_page(client, leaflet_content, path):
    html = page(client.get(path))
    exit_link = html.select_one("[data-exit-link]")
    assert text_of(exit_link).endswith("Exit this page")
    assert exit_link["href"] == "https://www.bbc.co.uk/weather"
    # No Referer header tells the neutral site where the visitor came from.
    assert "noreferrer" in exit_link["rel"]
    help_link = html.find("a", href="/leave-this-site-quickly/", string="How to leave quickly")
    assert help_link is not None


def test_staff_change_where_exit_this_page_goes(client, leaflet_content, admin_user):
    client.force_login(admin_user)
    response = client.post(
        admin_url(SiteSettings.load()),
        {"exit_url": "https://www.google.co.uk/"},
    )
    assert response.status_code == 302
    client.logout()
    assert page(client.get("/")).select_one("[data-exit-link]")["href"] == "https://www.google.co.uk/"


def test_exit_site_must_be_a_web_address(client, leaflet_content, admin_user):
    client.force_login(admin_user)
    response = client.post(
        admin_url(SiteSettings.load()),
        {"exit_url": "javascript:history.back()"},
    )
    assert response.status_code == 200
    assert "Enter a full web address" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/accessibility/"])
def test_print_button_is_hidden_until_javascript_shows_it(client, leaflet_content, path):
    button = page(client.get(path)).select_one("[data-print-button]")
    assert button.has_attr("hidden")
    assert text_of(button) == "Print this page"


def test_printed_page_carries_its_address_and_date(client, leaflet_content, settings):
    settings.SITE_URL = "https://scr.example.gov.uk"
    footer = page(client.get("/")).select_one(".print-footer")
    assert "This page: https://scr.example.gov.uk/" in text_of(footer)
    assert "Last updated:" in text_of(footer)


@pytest.mark.parametrize("slug", ["admin", "preview", "leaflets", "healthz"])
def test_a_page_cannot_take_an_address_the_site_uses(client, leaflet_content, admin_user, slug):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:leaflet_page_add"),
        {"title": "Clash", "slug": slug, "body": "Text", "footer_order": 1, "show_to_families": "on"},
    )
    assert response.status_code == 200
    assert "is used by the site itself" in response.content.decode()
    assert not Page.objects.filter(slug=slug).exists()


def test_a_page_cannot_take_the_address_of_a_language_only_the_board_knows(
    client, leaflet_content, admin_user
):
    # Django knows pl and ur; a language staff added with its own name and direction is in the database only.
    Language.objects.create(code="xyz", name="Xyz", direction="ltr")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:leaflet_page_add"),
        {"title": "Clash", "slug": "xyz", "body": "Text", "footer_order": 1, "show_to_families": "on"},
    )
    assert response.status_code == 200
    assert "is used by the site itself" in response.content.decode()
    assert not Page.objects.filter(slug="xyz").exists()
