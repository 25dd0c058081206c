from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """The admin app, using the site in scr_site/admin_site.py (two-factor sign-in)."""

    default_site = "scr_site.admin_site.StaffAdminSite"
