"""History, compare, restore and recover in the admin.

Restoring never saves anything until a Publisher has seen what will change and
confirmed; removing questions needs a tick of its own, and so does replacing other
people's unpublished drafts (see drafts/restore.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from reversion.models import Version

from ..admin_links import admin_url
from ..drafts import restore
from ..drafts.activity import activity_of
from ..drafts.approval import name_of
from ..drafts.compare import compare
from ..drafts.history import history_of, snapshot_of_version, versions_of
from ..drafts.version_marks import marked_versions
from ..permissions import can_restore

REMOVE_QUESTIONS = "remove_questions"
REPLACE_DRAFTS = "replace_drafts"
# The drafts the page showed, which the replace tick confirms (drafts/replaced.py, signature).
DRAFTS_SEEN = "drafts_seen"


class HistoryMixin:
    object_history_template = "admin/leaflet/object_history.html"

    def history_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("recover/", wrap(self.recoverlist_view), name=self.url_name("recoverlist")),
            path("recover/<int:version_id>/", wrap(self.recover_view), name=self.url_name("recover")),
            path("<path:object_id>/history/compare/", wrap(self.compare_view), name=self.url_name("compare")),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                wrap(self.restore_view),
                name=self.url_name("restore"),
            ),
        ]

    def _page(self, request, template, title, **context):
        return TemplateResponse(
            request,
            template,
            {**self.admin_site.each_context(request), "opts": self.opts, "title": title, **context},
        )

    def _viewable(self, request, object_id):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _require_restore(self, request, obj=None):
        if not (can_restore(request.user) and self.has_change_permission(request, obj)):
            raise PermissionDenied

    # --- history and compare -------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = self._viewable(request, object_id)
        return self._page(
            request,
            self.object_history_template,
            f"History of “{obj}”",
            object=obj,
            versions=marked_versions(obj, history_of(obj)),
            activity=activity_of(obj),
            compare_url=admin_url(obj, "compare"),
            can_restore=can_restore(request.user) and self.has_change_permission(request, obj),
            **(extra_context or {}),
        )

    def compare_view(self, request, object_id):
        """Two versions side by side, with the words that changed marked; for a leaflet, its questions too."""
        obj = self._viewable(request, object_id)
        versions = versions_of(obj)
        try:
            older = versions.get(pk=request.GET["from"])
            newer = versions.get(pk=request.GET["to"])
        except (KeyError, ValueError, Version.DoesNotExist):
            self.message_user(request, "Choose two versions to compare.", messages.ERROR)
            return redirect(admin_url(obj, "history"))
        if (older.revision.date_created, older.pk) > (newer.revision.date_created, newer.pk):
            older, newer = newer, older
        return self._page(
            request,
            "admin/leaflet/compare.html",
            f"Compare versions of “{obj}”",
            object=obj,
            older=older,
            newer=newer,
            comparison=compare(snapshot_of_version(older), snapshot_of_version(newer)),
        )

    # --- restore and recover -------------------------------------------------

    def restore_view(self, request, object_id, version_id):
        obj = get_object_or_404(self.model, pk=object_id)
        self._require_restore(request, obj)
        version = versions_of(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404("That version is not in this item's history.")
        return self._confirm_restore(
            request, obj, restore.plan(version), f"Restore an earlier version of “{obj}”"
        )

    def recoverlist_view(self, request):
        self._require_restore(request)
        if not self.has_add_permission(request):
            raise PermissionDenied
        return self._page(
            request,
            "admin/leaflet/recover_list.html",
            f"Recover deleted {self.opts.verbose_name_plural}",
            deleted=Version.objects.get_deleted(self.model).select_related("revision__user"),
        )

    def recover_view(self, request, version_id):
        self._require_restore(request)
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = Version.objects.get_deleted(self.model).filter(pk=version_id).first()
        if version is None:
            raise Http404("There is no deleted item with that version.")
        return self._confirm_restore(request, None, restore.plan(version), f"Recover “{version.object_repr}”")

    def _confirm_restore(self, request, obj, restore_plan, title):
        problems = []
        if request.method == "POST":
            try:
                done = restore.restore(
                    restore_plan,
                    request.user,
                    remove_questions=request.POST.get(REMOVE_QUESTIONS) == "yes",
                    replace_drafts=request.POST.get(REPLACE_DRAFTS) == "yes",
                    drafts_seen=request.POST.get(DRAFTS_SEEN, ""),
                )
            except restore.RestoreRefused as refused:
                problems = refused.problems
            else:
                self._tell_restorer(request, restore_plan, done)
                return redirect(admin_url(done.row))
        overtaken = restore_plan.overtaken
        overtaken.label_questions(restore_plan.comparison, request.user)
        others = overtaken.others(request.user)
        return self._page(
            request,
            "admin/leaflet/restore_confirm.html",
            title,
            object=obj,
            plan=restore_plan,
            problems=problems,
            remove_questions=REMOVE_QUESTIONS,
            replace_drafts=REPLACE_DRAFTS,
            drafts_seen=DRAFTS_SEEN,
            signature=overtaken.signature(request.user),
            others=others,
            own_drafts=[draft for draft in overtaken.drafts if draft not in others],
            replace_label=_replace_label(others),
            current_label=overtaken.item.column_label(request.user) if overtaken.item else "Now: deleted",
        )

    def _tell_restorer(self, request, restore_plan, done):
        verb = "Recovered" if restore_plan.recovering else "Restored"
        self.message_user(
            request,
            f"{verb} “{done.row}” as a draft. Families still see what is live until it is published: "
            "preview it, then publish it when it is right.",
            messages.SUCCESS,
        )
        authors = sorted({name_of(draft.author) for draft in done.replaced if draft.author is not None})
        if authors:
            self.message_user(
                request,
                f"It replaced unpublished work by {' and '.join(authors)}. They have been told by email and "
                "on their home page; their text is kept in the history.",
                messages.INFO,
            )
        if done.closed:
            listed = "; ".join(f"{name_of(r.requested_by)}'s, for “{r.object_repr}”" for r in done.closed)
            self.message_user(
                request,
                f"Closed {len(done.closed)} request{'s' if len(done.closed) != 1 else ''} for approval about "
                f"the drafts it changed, and told the people who sent them: {listed}.",
                messages.INFO,
            )
        if done.not_emailed:
            self.message_user(
                request,
                f"Could not email {', '.join(done.not_emailed)}. Tell them yourself: their home page says "
                "what happened.",
                messages.WARNING,
            )


def _replace_label(others):
    """The words beside the tick that lets a restore replace other people's drafts."""
    drafts = "this draft" if len(others) == 1 else f"these {len(others)} drafts"
    authors = sorted({name_of(draft.author) for draft in others if draft.author is not None})
    told = f"{' and '.join(authors)} will be told, and " if authors else ""
    return f"Yes, replace {drafts}: {told}the text stays in the history"
