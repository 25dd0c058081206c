"""The admin for content that has drafts: one action bar, a status line, publishing and previews.

Every save is a draft and keeps the editor on the form. Publishers publish; Editors
send the draft to a Publisher for approval. History, compare and restore come from
HistoryMixin; sending for approval from ApprovalMixin.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from ..admin_links import admin_url
from ..drafts import activity, publishing
from ..drafts.preview import preview_url, unpublished_changes
from ..drafts.publication import Publication
from ..drafts.status import status_of_item
from ..models.published import published_copy
from ..permissions import can_publish, can_restore
from .approval_views import ApprovalMixin
from .forms import FIELD_WIDGETS, ContentForm
from .history_views import HistoryMixin

MARKDOWN_WIDGETS = {MarkdownxField: {"widget": AdminMarkdownxWidget}, **FIELD_WIDGETS}

# The buttons of the action bar, by the name each one submits.
SAVE_DRAFT, PREVIEW, PUBLISH, SEND_FOR_APPROVAL = "_continue", "_preview", "_publish", "_approval"


class ContentAdmin(HistoryMixin, ApprovalMixin, admin.ModelAdmin):
    form = ContentForm
    formfield_overrides = MARKDOWN_WIDGETS
    change_form_template = "admin/leaflet/content_change_form.html"
    change_list_template = "admin/leaflet/content_change_list.html"
    actions = ["publish_selected"]

    # --- saving: every save is a version in the history ----------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Checked before anything is saved, so an Editor's direct POST changes nothing at all.
        if request.method == "POST" and PUBLISH in request.POST and not can_publish(request.user):
            raise PermissionDenied
        extra_context = {**(extra_context or {}), **self.action_bar_context(request, object_id)}
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().delete_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_restore": can_restore(request.user)}
        # Bulk actions (publish, delete) are kept in the history like any other change.
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changelist_view(request, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        reversion.set_comment(f"Added. {entry.get_change_message()}".strip())
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message() or "Saved with no changes.")
        return entry

    def log_deletions(self, request, queryset):
        if reversion.is_active():
            names = ", ".join(f"“{obj}”" for obj in queryset)
            reversion.set_comment(f"Deleted {names}.")
        return super().log_deletions(request, queryset)

    @admin.display(description="publishing")
    def publishing_status(self, obj):
        return Publication.of(obj).standing.label

    # --- the action bar and status line --------------------------------------

    def action_bar_context(self, request, object_id):
        obj = self.get_object(request, object_id) if object_id else None
        context = {
            "can_publish": can_publish(request.user),
            "action_names": {
                "save": SAVE_DRAFT,
                "preview": PREVIEW,
                "publish": PUBLISH,
                "approval": SEND_FOR_APPROVAL,
            },
        }
        if obj is not None:
            context.update(
                item_status=status_of_item(obj),
                preview_url=preview_url(obj),
                changes_url=admin_url(obj, "changes"),
                history_url=admin_url(obj, "history"),
            )
        return context

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The action bar replaces Django's row of buttons; these never appear.
        context.update(show_save_and_add_another=False, show_save_as_new=False, show_close=False)
        if change and obj is not None and not context.get("errors"):
            context["title"] = f"Edit {self.opts.verbose_name}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # No pencil, plus and eye icons beside a choice of leaflet: one less thing to learn.
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget = formfield.widget.widget
        return formfield

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj, added=True)

    def response_change(self, request, obj):
        return self._after_save(request, obj, added=False)

    def _after_save(self, request, obj, added):
        """Where each button leads once the draft is saved. Every one keeps the editor's work."""
        if PUBLISH in request.POST:
            return self.publish_view(request, obj.pk)
        if PREVIEW in request.POST:
            return redirect(preview_url(obj))
        if SEND_FOR_APPROVAL in request.POST:
            return redirect(admin_url(obj, "approval"))
        verb = "Added" if added else "Saved"
        self.message_user(
            request,
            f"{verb} “{obj}” as a draft. Families still see what is live until it is published.",
            messages.SUCCESS,
        )
        return redirect(admin_url(obj))

    # --- publishing -----------------------------------------------------------

    def get_urls(self):
        def view(function, name, decorator=None):
            wrapped = self.admin_site.admin_view(decorator(function) if decorator else function)
            return path(f"<path:object_id>/{name}/", wrapped, name=self.url_name(name))

        return [
            view(self.publish_view, "publish", require_POST),
            view(self.changes_view, "changes"),
            *self.history_urls(),
            *self.approval_urls(),
            *super().get_urls(),
        ]

    def url_name(self, action):
        return f"{self.opts.app_label}_{self.opts.model_name}_{action}"

    def publish_view(self, request, object_id):
        if not can_publish(request.user):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        publication = Publication.of(obj)
        # From a preview, Publish is bound to the draft it showed.
        seen = request.POST.get("seen")
        if seen is not None and seen != publication.fingerprint:
            self.message_user(
                request,
                "The draft has changed since you opened the preview, so nothing was published. "
                "Preview it again to see it as it is now.",
                messages.ERROR,
            )
            return redirect(preview_url(obj))
        try:
            publishing.publish(publication, request.user)
        except publishing.TestLanguageNotPublished as refused:
            self.message_user(request, f"{refused} Nothing was published.", messages.ERROR)
            return redirect(admin_url(obj))
        self.message_user(
            request,
            format_html(
                'Published “{}”: families can see it now. <a href="{}">View it on the site</a>.',
                obj,
                self.public_url(obj),
            ),
            messages.SUCCESS,
        )
        return redirect(admin_url(obj))

    def public_url(self, obj):
        """Where families see the item."""
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"

    @admin.action(description="Publish the selected items", permissions=["publish"])
    def publish_selected(self, request, queryset):
        try:
            with transaction.atomic():
                for obj in queryset:
                    publishing.publish_item(obj, request.user)
        except publishing.TestLanguageNotPublished as refused:
            self.message_user(request, f"{refused} Nothing was published.", messages.ERROR)
            return
        self.message_user(request, f"Published {len(queryset)} item(s).", messages.SUCCESS)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def changes_view(self, request, object_id):
        """The draft against what families see now: "Compare with live"."""
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        changes, removed = unpublished_changes(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Compare the draft of “{obj}” with what is live",
            "changes": changes,
            "removed": removed,
            "item_status": status_of_item(obj),
            "preview_url": preview_url(obj),
        }
        return TemplateResponse(request, "admin/leaflet/changes.html", context)

    # --- deleting: only Publishers can; whatever was live is withdrawn at once --------------
    # (drafts/publishing.withdraw_deleted does it for every deletion; here it is kept in the history.)

    def delete_model(self, request, obj):
        self._record_withdrawals(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._record_withdrawals(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _record_withdrawals(self, request, objs):
        for obj in objs:
            if published_copy(obj) is not None:
                activity.record(obj, request.user, activity.Kind.WITHDRAWN, "Deleted.")
