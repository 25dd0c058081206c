"""The admin for site-wide settings and notices: no drafts, they show to families once saved."""

from django.contrib import admin, messages
from django.shortcuts import redirect

from ..admin_links import admin_url
from .forms import FIELD_WIDGETS


class SiteWideAdmin(admin.ModelAdmin):
    change_form_template = "admin/leaflet/site_change_form.html"
    formfield_overrides = FIELD_WIDGETS

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(show_save_and_add_another=False, show_save_as_new=False, show_close=False)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._saved(request, obj)

    def response_change(self, request, obj):
        return self._saved(request, obj)

    def _saved(self, request, obj):
        self.message_user(request, f"Saved “{obj}”. Families see the change now.", messages.SUCCESS)
        return redirect(admin_url(obj))
