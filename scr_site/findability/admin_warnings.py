"""Warnings for staff about what search engines and security researchers will see.

Warnings, not errors: a long summary or an old security contact never stops a save.
"""

import datetime

from django.contrib import messages
from django.utils import timezone

SUMMARY_LENGTH = 160
EXPIRY_NOTICE = datetime.timedelta(days=30)
LONGEST_EXPIRY = datetime.timedelta(days=366)


def summary_warning(summary):
    if len(summary) > SUMMARY_LENGTH:
        return (
            f"The summary is {len(summary)} characters long. Search results and link previews show about "
            f"{SUMMARY_LENGTH}, so the end will be cut off: shorten it if you can."
        )
    return None


def security_txt_warning(site_settings, today=None):
    """What needs doing about the security contact in /.well-known/security.txt, if anything."""
    if not site_settings.security_contact:
        return None
    today = today or timezone.localdate()
    expires = site_settings.security_txt_expires
    if expires is None:
        return (
            "No security.txt is published, because the security contact has no “valid until” date. "
            "Set one, up to a year ahead, in Site settings."
        )
    when = f"{expires:%-d %B %Y}"
    if expires <= today:
        return (
            f"The security contact expired on {when}, so security researchers may not trust it. "
            "Check it is still right and set a new date, up to a year ahead, in Site settings."
        )
    if expires - today <= EXPIRY_NOTICE:
        return (
            f"The security contact expires on {when}, in {(expires - today).days} days. "
            "Check it is still right and set a new date, up to a year ahead, in Site settings."
        )
    if expires - today > LONGEST_EXPIRY:
        return (
            f"The security contact is set to last until {when}, more than a year ahead. The standard "
            "(RFC 9116) asks for a year at most, so that it is checked regularly."
        )
    return None


class SummaryWarningAdmin:
    """Warns after saving a leaflet or page whose summary is too long for search results."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warning = summary_warning(obj.summary)
        if warning:
            self.message_user(request, warning, messages.WARNING)


class SecurityTxtWarningAdmin:
    """Warns on the site settings page when the security contact is about to expire."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warning = security_txt_warning(obj)
        if warning:
            self.message_user(request, warning, messages.WARNING)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            warning = obj and security_txt_warning(obj)
            if warning:
                self.message_user(request, warning, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)
