"""The answer editor's preview and upload addresses must not be open to the public."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/markdownx/markdownify/", "/markdownx/upload/"]


@pytest.fixture
def non_staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("family-member", password="a-long-password-1"))
    return client


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    )
    return client


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == 403
    assert b"<strong>" not in response.content


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_requests_to_the_editor_are_refused(client, url):
    assert_refused(client.post(url, {"content": "**bold**"}))


@pytest.mark.parametrize("url", ENDPOINTS)
def test_signed_in_non_staff_requests_to_the_editor_are_refused(non_staff_client, url):
    assert_refused(non_staff_client.post(url, {"content": "**bold**"}))


def test_staff_preview_uses_the_sanitised_rendering(staff_client):
    response = staff_client.post("/markdownx/markdownify/", {"content": "**bold** <script>alert(1)</script>"})
    assert response.status_code == 200
    assert response.content.decode() == "<p><strong>bold</strong> </p>"


def test_preview_without_content_is_a_clear_bad_request(staff_client):
    response = staff_client.post("/markdownx/markdownify/", {})
    assert response.status_code == 400
    assert b"no 'content' field" in response.content


@pytest.mark.parametrize(
    "name, content_type",
    [("photo.png", "image/png"), ("drawing.svg", "image/svg+xml"), ("photo.jpg", "image/jpeg")],
)
def test_image_upload_is_switched_off_even_for_staff(staff_client, name, content_type):
    upload = SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type=content_type)
    response = staff_client.post(
        "/markdownx/upload/", {"image": upload}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 403
    assert "cannot be added" in response.json()["image"][0]
