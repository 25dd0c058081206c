"""Addresses of admin pages, built in one place: the admin's path can change (DJANGO_ADMIN_PATH)."""

from django.conf import settings
from django.urls import reverse


def admin_url(obj_or_model, action="change", *args):
    """The admin page for an item ("change", "history", "publish" ...) or a model ("changelist", "add")."""
    opts = obj_or_model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{action}"
    if isinstance(obj_or_model, type):
        return reverse(name, args=args)
    return reverse(name, args=[obj_or_model.pk, *args])


def absolute(url):
    """An address inside the site as a full link, for emails."""
    return settings.SITE_URL.rstrip("/") + url
