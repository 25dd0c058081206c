"""Checks every site like this one carries."""

import pytest
from django.core.management import call_command
from django.views.defaults import server_error

from .conftest import PUBLIC_PATHS
from .helpers import page

pytestmark = pytest.mark.django_db


def test_no_model_changes_without_a_migration():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_page_has_exactly_one_h1(client, leaflet_content, path):
    assert len(page(client.get(path)).find_all("h1")) == 1


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_page_has_a_skip_link_first_and_one_main(client, leaflet_content, path):
    html = page(client.get(path))
    first_link = html.body.find("a")
    assert first_link["href"] == "#main-content"
    assert len(html.find_all("main", id="main-content")) == 1


def test_unknown_address_gets_the_sites_not_found_page(client, leaflet_content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = page(response)
    assert html.h1.get_text(strip=True) == "Page not found"
    assert html.find("a", href="/") is not None


def test_a_bad_request_gets_the_sites_400_page(client, leaflet_content):
    # A Host header the site does not serve is a bad request.
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert page(response).h1.get_text(strip=True) == "Sorry, we could not understand that request"


def test_server_error_page_is_static_and_complete(rf, django_assert_num_queries):
    # It must still work when the database is the thing that failed.
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = page(response)
    assert html.h1.get_text(strip=True) == "Sorry, there is a problem with this website"
    assert html.html["lang"] == "en-GB"
