"""The staff admin: two-factor sign-in, the home page and its menu, and one test of who is staff."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
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
    index_title = "What needs doing"

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

    def admin_view(self, view, cacheable=False):
        """Every admin page, refusing or not finding something with the admin's own pages.

        Staff who follow a stale link stay inside the admin, told what happened in its
        words, rather than landing on the public site's error page. Someone signed in who is
        not staff is refused (403), as previews refuse them, and offered the sign-in page for a
        staff account. Anyone not signed in is sent to sign in.
        """
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def with_admin_errors(request, *args, **kwargs):
            if _signed_in_not_staff(request) and request.path != reverse(
                "admin:logout", current_app=self.name
            ):
                return self.error_page(request, 403)
            try:
                return inner(request, *args, **kwargs)
            except PermissionDenied:
                return self.error_page(request, 403)
            except Http404:
                return self.error_page(request, 404)

        return with_admin_errors

    def error_page(self, request, status):
        context = {**self.each_context(request), "title": ERROR_TITLES[status]}
        return TemplateResponse(request, f"admin/{status}.html", context, status=status)

    def get_urls(self):
        from scr_site.leaflet.staff.approval_views import site_urls

        return site_urls(self) + super().get_urls()

    def get_app_list(self, request, app_label=None):
        from scr_site.leaflet.staff.menu import grouped

        app_list = super().get_app_list(request, app_label)
        return app_list if app_label else grouped(app_list, request.user)

    def index(self, request, extra_context=None):
        from scr_site.leaflet.staff.home import panels

        return super().index(request, {**panels(request), **(extra_context or {})})


ERROR_TITLES = {403: "You cannot open this page", 404: "Page not found"}


def _signed_in_not_staff(request):
    return request.user.is_authenticated and not request.user.is_staff


def staff_required(view):
    """The admin's own test for a view outside it: active staff, verified by 2FA when that is required.

    Staff who are not yet signed in (or not yet verified) are sent to sign in; anyone else
    signed in is refused.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if admin.site.has_permission(request):
            return view(request, *args, **kwargs)
        if _signed_in_not_staff(request):
            raise PermissionDenied
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))

    return wrapped
