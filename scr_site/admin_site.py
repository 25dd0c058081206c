"""The staff admin: two-factor sign-in when it is required, and one test of who is staff."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password and authenticator code on one form.

    django-otp asks which device a code is from; a staff member with one device (the
    usual case) is not asked, so one submit signs them in.
    """

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user))
            if len(devices) == 1:
                device = devices[0]
        return device


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
