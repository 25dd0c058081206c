"""Feedback in the admin: read by Editors and Publishers; Publishers mark reports as dealt with.

Nobody adds or edits feedback by hand: it is what families sent, and it is deleted by
`manage.py purge_feedback` when its time is up.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import ProblemReport, UsefulnessAnswer
from .summary import csv_download, list_monthly_counts

MARK = "feedback.mark_dealt_with"


class ReadOnlyFeedbackAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UsefulnessAnswer)
class UsefulnessAnswerAdmin(ReadOnlyFeedbackAdmin):
    """Not a list of single presses of Yes or No: how many of each, per page and per month."""

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = list_monthly_counts()
        if request.GET.get("format") == "csv":
            return csv_download(
                "is-this-page-useful.csv",
                ["Month", "Page", "Yes", "No"],
                [[f"{row['month']:%Y-%m}", row["page"], row["yes"], row["no"]] for row in rows],
            )
        context = {
            **self.admin_site.each_context(request),
            "title": "Is this page useful? Answers per page and month",
            "opts": self.model._meta,
            "rows": rows,
            "retention_months": settings.FEEDBACK_RETENTION_MONTHS,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "feedback/admin/usefulness_summary.html", context)


@admin.register(ProblemReport)
class ProblemReportAdmin(ReadOnlyFeedbackAdmin):
    list_display = ["received_on", "page", "short_text", "dealt_with"]
    list_display_links = ["received_on", "page"]
    list_filter = ["dealt_with", "page"]
    date_hierarchy = "received_on"
    search_fields = ["text", "page"]
    fields = ["page", "received_on", "text", "dealt_with", "dealt_with_by", "dealt_with_on"]
    actions = ["mark_dealt_with", "mark_not_dealt_with", "download_csv"]
    change_form_template = "feedback/admin/problem_report_change_form.html"

    @admin.display(description="what they wrote")
    def short_text(self, report):
        return report.text if len(report.text) <= 100 else f"{report.text[:99]}…"

    def has_mark_dealt_with_permission(self, request):
        return request.user.has_perm(MARK)

    def _mark(self, request, reports, dealt_with):
        changed = reports.update(
            dealt_with=dealt_with,
            dealt_with_by=request.user if dealt_with else None,
            dealt_with_on=timezone.localdate() if dealt_with else None,
        )
        state = "dealt with" if dealt_with else "not dealt with"
        self.message_user(request, f"{changed} report{'' if changed == 1 else 's'} marked as {state}.")

    @admin.action(description="Mark selected reports as dealt with", permissions=["mark_dealt_with"])
    def mark_dealt_with(self, request, queryset):
        self._mark(request, queryset, True)

    @admin.action(description="Mark selected reports as not dealt with", permissions=["mark_dealt_with"])
    def mark_not_dealt_with(self, request, queryset):
        self._mark(request, queryset, False)

    @admin.action(description="Download selected reports as a spreadsheet (CSV)", permissions=["view"])
    def download_csv(self, request, queryset):
        return csv_download(
            "problem-reports.csv",
            ["Received", "Page", "What they wrote", "Dealt with", "Dealt with on"],
            [
                [
                    report.received_on,
                    report.page,
                    report.text,
                    "Yes" if report.dealt_with else "No",
                    report.dealt_with_on,
                ]
                for report in queryset.order_by("-received_on", "-pk")
            ],
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/dealt-with/",
                self.admin_site.admin_view(require_POST(self.dealt_with_view)),
                name="feedback_problemreport_dealt_with",
            ),
            *super().get_urls(),
        ]

    def dealt_with_view(self, request, pk):
        """The button on a report's own page: mark it, then back to the reports still waiting."""
        if not self.has_mark_dealt_with_permission(request):
            raise PermissionDenied
        report = get_object_or_404(ProblemReport, pk=pk)
        self._mark(request, ProblemReport.objects.filter(pk=report.pk), not report.dealt_with)
        return redirect(f"{reverse('admin:feedback_problemreport_changelist')}?dealt_with__exact=0")

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_mark_dealt_with"] = self.has_mark_dealt_with_permission(request)
        return super().render_change_form(request, context, *args, **kwargs)
