"""Staff sign-in: lockout after repeated wrong passwords, two-factor codes, and the admin's address."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from scr_site.client_address import client_address
from scr_site.leaflet.models import Leaflet, Page

from .helpers import page, text_of

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-1"
WRONG = "not-the-password-1"
LOCKED_OUT = "Signing in is paused for an hour"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user(
        "colleague", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, address="127.0.0.1", **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=address,
    )


def assert_signed_in(response, client):
    assert response.status_code == 302, text_of(page(response))
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def assert_locked_out(response):
    assert response.status_code in (403, 429)
    assert LOCKED_OUT in text_of(page(response))


def assert_not_let_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Lockout ---------------------------------------------------------------


def fail_five_times(client, username="editor"):
    for _ in range(5):
        response = sign_in(client, username, WRONG)
    return response


def test_four_wrong_passwords_do_not_lock_the_account(client, editor):
    for _ in range(4):
        assert sign_in(client, "editor", WRONG).status_code == 200
    assert_signed_in(sign_in(client, "editor", PASSWORD), client)


def test_five_wrong_passwords_pause_signing_in_even_with_the_right_password(client, editor):
    fail_five_times(client)
    response = sign_in(client, "editor", PASSWORD)
    assert_locked_out(response)
    assert_not_let_in(client)


def test_the_paused_page_says_what_to_do(client, editor):
    fail_five_times(client)
    html = page(sign_in(client, "editor", PASSWORD))
    assert text_of(html.select_one("h1")) == LOCKED_OUT
    assert "ask your IT team to unlock your account" in text_of(html)


def test_a_lockout_does_not_stop_a_colleague_at_the_same_address(client, editor, colleague):
    fail_five_times(client)
    assert_signed_in(sign_in(client, "colleague", PASSWORD), client)


def test_a_lockout_does_not_stop_the_same_person_at_another_address(client, editor):
    fail_five_times(client)
    # Otherwise anyone could keep a member of staff out by guessing at their username.
    assert_signed_in(sign_in(client, "editor", PASSWORD, address="10.0.0.8"), client)


def test_it_can_unlock_a_username(client, editor):
    fail_five_times(client)
    assert_locked_out(sign_in(client, "editor", PASSWORD))
    out = io.StringIO()
    call_command("axes_reset_username", "editor", stdout=out)
    assert "removed" in out.getvalue()
    assert_signed_in(sign_in(client, "editor", PASSWORD), client)


# --- The visitor's real address behind a load balancer ------------------------

BALANCER = "10.0.0.2"


def sign_in_through_balancer(client, username, password, forwarded_for):
    """As compose.yaml runs the site: the balancer connects, and appends who connected to it."""
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def behind_balancer(settings):
    settings.PROXY_COUNT = 1


def test_wrong_passwords_from_other_addresses_do_not_lock_out_the_real_user(client, behind_balancer, editor):
    for n in range(5):
        sign_in_through_balancer(client, "editor", WRONG, f"198.51.100.{n + 10}")
    assert_signed_in(sign_in_through_balancer(client, "editor", PASSWORD, "192.0.2.44"), client)


def test_wrong_passwords_behind_the_balancer_lock_out_the_address_they_came_from(
    client, behind_balancer, editor
):
    for _ in range(5):
        sign_in_through_balancer(client, "editor", WRONG, "198.51.100.7")
    assert_locked_out(sign_in_through_balancer(client, "editor", PASSWORD, "198.51.100.7"))


def test_forged_forwarded_addresses_do_not_escape_a_lockout(client, behind_balancer, editor):
    # The visitor writes whatever it likes before the entry the balancer adds.
    for n in range(5):
        sign_in_through_balancer(client, "editor", WRONG, f"192.0.2.{n}, 198.51.100.7")
    assert_locked_out(sign_in_through_balancer(client, "editor", PASSWORD, "192.0.2.44, 198.51.100.7"))


def test_forged_forwarded_addresses_cannot_lock_out_someone_else(client, behind_balancer, editor):
    for _ in range(5):
        sign_in_through_balancer(client, "editor", WRONG, "192.0.2.44, 198.51.100.7")
    assert_signed_in(sign_in_through_balancer(client, "editor", PASSWORD, "192.0.2.44"), client)


def test_without_a_proxy_forwarded_addresses_are_ignored(client, editor):
    for n in range(5):
        sign_in(client, "editor", WRONG, HTTP_X_FORWARDED_FOR=f"198.51.100.{n + 10}")
    assert_locked_out(sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.44"))


@pytest.mark.parametrize(
    "forwarded_for, expected",
    [
        ("198.51.100.7", "198.51.100.7"),
        ("192.0.2.1, 198.51.100.7", "198.51.100.7"),
        ("198.51.100.7:51234", "198.51.100.7"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:db8::7", "2001:db8::7"),
        ("", BALANCER),
        ("not-an-address", BALANCER),
    ],
)
def test_the_real_address_is_the_one_the_balancer_saw(rf, behind_balancer, forwarded_for, expected):
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected


def test_with_two_proxies_the_address_is_the_second_from_the_end(rf, settings):
    settings.PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7, 10.0.0.9")
    assert client_address(request) == "198.51.100.7"


# --- Two-factor sign-in ----------------------------------------------------


@pytest.fixture
def two_factor(settings):
    settings.REQUIRE_2FA = True


@pytest.fixture
def phone(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def sign_in_with_code(client, code, password=PASSWORD, username="editor", **extra):
    """Password and code on the one form, as a member of staff signs in."""
    return sign_in(client, username, password, otp_token=code, **extra)


def wrong_code(device):
    return f"{(int(current_code(device)) + 500000) % 1000000:06d}"


def test_password_without_a_code_does_not_open_the_admin(client, two_factor, phone):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 200
    assert page(response).select(".errornote, .errorlist")
    assert_not_let_in(client)


def test_password_without_any_device_does_not_open_the_admin(client, two_factor, editor):
    response = sign_in(client, "editor", PASSWORD, otp_token="123456")
    assert response.status_code == 200
    assert_not_let_in(client)


def test_a_wrong_code_does_not_open_the_admin(client, two_factor, phone):
    response = sign_in_with_code(client, wrong_code(phone))
    assert response.status_code == 200
    assert_not_let_in(client)


def test_password_and_a_current_code_open_the_admin(client, two_factor, phone):
    assert_signed_in(sign_in_with_code(client, current_code(phone)), client)


def test_a_code_typed_with_the_space_the_app_shows_is_accepted(client, two_factor, phone):
    code = current_code(phone)
    assert_signed_in(sign_in_with_code(client, f"{code[:3]} {code[3:]}"), client)


def test_with_two_devices_a_code_from_either_signs_in_without_asking_which(client, two_factor, editor, phone):
    tablet = TOTPDevice.objects.create(user=editor, name="tablet", confirmed=True)
    assert_signed_in(sign_in_with_code(client, current_code(tablet)), client)


def form_as_seen(response):
    """What a person sees of the sign-in form: its messages, labels and fields (the CSRF token aside)."""
    html = page(response)
    form = html.select_one("#login-form")
    return {
        "messages": [text_of(note) for note in html.select(".errornote, .errorlist")],
        "labels": [text_of(label) for label in form.select("label")],
        "fields": [
            (field.name, field.get("name"), field.get("type"))
            for field in form.select("input, select, textarea")
            if field.get("name") != "csrfmiddlewaretoken"
        ],
    }


def test_every_sign_in_failure_looks_the_same(client, two_factor, editor, phone):
    # Otherwise an attacker learns that a password was right, and needs only the code.
    attempts = {
        "unknown user": {"username": "nobody", "password": PASSWORD, "otp_token": current_code(phone)},
        "wrong password": {"password": WRONG, "otp_token": current_code(phone)},
        "wrong password, no code": {"password": WRONG},
        "right password, no code": {},
        "right password, wrong code": {"otp_token": wrong_code(phone)},
        "right password, device chosen": {"otp_token": wrong_code(phone), "otp_device": phone.persistent_id},
        "right password, challenge": {"otp_challenge": "1"},
    }
    # Each from an address of its own, so none meets the lockout.
    failures = {
        name: sign_in(
            client, **{"username": "editor", "password": PASSWORD, **fields}, address=f"192.0.2.{n}"
        )
        for n, (name, fields) in enumerate(attempts.items())
    }
    seen = {name: form_as_seen(response) for name, response in failures.items()}
    assert seen["wrong password"]["messages"] == [
        "The username, password or code is not right. Check all three and try again. "
        "The code in your authenticator app changes every 30 seconds."
    ]
    for name, form in seen.items():
        assert form == seen["wrong password"], name
    assert_not_let_in(client)


def test_wrong_codes_count_towards_the_lockout_like_wrong_passwords(client, two_factor, phone):
    for _ in range(5):
        sign_in_with_code(client, wrong_code(phone))
    assert_locked_out(sign_in_with_code(client, current_code(phone)))


def test_without_two_factor_required_the_password_alone_opens_the_admin(client, phone):
    assert_signed_in(sign_in(client, "editor", PASSWORD), client)


@pytest.fixture
def preview_addresses(leaflet_content):
    return [
        f"/preview/leaflets/{Leaflet.objects.get().pk}/",
        f"/preview/pages/{Page.objects.get(slug='privacy').pk}/",
    ]


def test_staff_signed_in_without_a_code_cannot_preview(client, two_factor, editor, preview_addresses):
    client.force_login(editor)
    for path in preview_addresses:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/")
    response = client.post("/markdownx/markdownify/", {"content": "**bold**"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert b"<strong>" not in response.content


def test_staff_signed_in_with_a_code_can_preview(client, two_factor, phone, preview_addresses):
    assert_signed_in(sign_in_with_code(client, current_code(phone)), client)
    for path in preview_addresses:
        assert client.get(path).status_code == 200, path
    response = client.post("/markdownx/markdownify/", {"content": "**bold**"})
    assert response.status_code == 200
    assert response.content.decode() == "<p><strong>bold</strong></p>"


def test_a_one_off_code_lets_a_new_member_of_staff_sign_in_once(client, two_factor, editor):
    out = io.StringIO()
    call_command("addstatictoken", "editor", stdout=out)
    code = out.getvalue().strip()
    assert code

    assert_signed_in(sign_in_with_code(client, code), client)
    client.logout()
    # Used once, it is gone.
    response = sign_in_with_code(client, code)
    assert response.status_code == 200
    assert_not_let_in(client)


# --- The admin's address ---------------------------------------------------


def test_the_admin_address_can_be_changed():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "scr_site.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "s3cr3t-" * 10,
            "DJANGO_ALLOWED_HOSTS": "scr.example.gov.uk",
            "DJANGO_ADMIN_PATH": "staff-only/",
        }
    )
    code = (
        "import django; django.setup()\n"
        "from django.urls import resolve, reverse\n"
        "print(reverse('admin:index'))\n"
        "print(reverse('admin:login'))\n"
        "print(resolve('/staff-only/').view_name)\n"
        "print(resolve('/admin/').view_name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/staff-only/", "/staff-only/login/", "admin:index", "leaflet:page"]
