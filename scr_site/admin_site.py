"""The staff admin: two-factor sign-in when it is required, and one test of who is staff."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_static.models import StaticDevice


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password and authenticator code on one form, which says the same whatever was wrong.

    An attacker must not learn that a password was right: every failure (unknown user,
    wrong password, missing or wrong code) gets one message, the form keeps the same
    fields (no device list appears once the password is right), and a wrong code counts
    towards the sign-in lockout just as a wrong password does.

    The code is tried against the member of staff's own devices: six digits against their
    authenticator apps, anything else against their one-off backup codes. So nobody is
    asked which device a code is from.
    """

    error_messages = {
        **OTPAdminAuthenticationForm.error_messages,
        "invalid_login": "The username, password or code is not right. Check all three and try again. "
        "The code in your authenticator app changes every 30 seconds.",
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if self.user_cache is not None:
                # The password was right and the code was not: count it as a failed sign-in.
                user_login_failed.send(
                    sender=type(self),
                    credentials={"username": self.cleaned_data.get("username")},
                    request=self.request,
                )
            self.user_cache = None
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login") from None

    def _update_form(self, user):
        """The device list is never offered: it would show that the password was right."""

    def _verify_token(self, user, token, device=None):
        # Authenticator apps show the code as "123 456".
        token = "".join(token.split())
        candidates = [device] if device is not None else _devices_for_code(user, token)
        for candidate in candidates:
            allowed, _ = candidate.verify_is_allowed()
            if allowed and candidate.verify_token(token):
                return candidate
        raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")


def _devices_for_code(user, token):
    backup_code = not (token.isdigit() and len(token) == 6)
    return [device for device in devices_for_user(user) if isinstance(device, StaticDevice) == backup_code]


class StaffAdminSite(OTPAdminSite):
    """The admin, asking for a code from the staff member's authenticator app when 2FA is required.

    REQUIRE_2FA is read at each request, so it can be switched in tests and by environment.
    """

    site_header = "Serious Case Reviews: information for families"
    site_title = "Leaflet editing"
    index_title = "Edit the leaflet"

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return StaffLoginForm if settings.REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.REQUIRE_2FA else None

    def has_permission(self, request):
        if settings.REQUIRE_2FA:
            return super().has_permission(request)
        return admin.AdminSite.has_permission(self, request)


def staff_required(view):
    """The admin's own test for a view outside it: active staff, verified by 2FA when that is required.

    Staff who are not yet signed in (or not yet verified) are sent to sign in; anyone else
    signed in is refused.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if admin.site.has_permission(request):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))

    return wrapped
