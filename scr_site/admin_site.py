"""The staff admin: two-factor sign-in, the home page and its menu, and one test of who is staff."""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
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
        words, rather than landing on the public site's error page.
        """
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def with_admin_errors(request, *args, **kwargs):
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
