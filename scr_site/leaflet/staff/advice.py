"""Plain-English advice beside the text, and review dates, for the content admins."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from .. import plain_english
from ..admin_links import admin_url
from ..drafts import publishing

MARK_REVIEWED = "_reviewed"


class PlainEnglishMixin:
    """Advice on reading age and style, beside the text and in the list. Never blocks a save."""

    plain_english_field = None
    plain_english_top_heading = 3

    def review_text(self, obj):
        return plain_english.review(
            getattr(obj, self.plain_english_field), top_heading=self.plain_english_top_heading
        )

    @admin.display(description="reading age")
    def reading_age(self, obj):
        age = self.review_text(obj).reading_age
        return "–" if age is None else age

    @admin.display(description="plain English advice")
    def plain_english_advice(self, obj):
        if obj is None or obj.pk is None:
            return "Shown here after you save."
        review = self.review_text(obj)
        if not review.advice:
            return "No suggestions: this reads well."
        return format_html(
            "<p>Suggestions only: you can still save and publish.</p><ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((advice.message,) for advice in review.advice)),
        )

    def advise(self, request, obj):
        review = self.review_text(obj)
        if review.advice:
            messages.warning(
                request,
                f"Plain English suggestions for “{obj}”: "
                + " ".join(advice.message for advice in review.advice),
            )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.advise(request, obj)


class ReviewDatesMixin:
    review_fieldset = (
        "Review",
        {
            "fields": ["last_reviewed_on", "next_review_due", "review_contact"],
            "description": "When this was last checked as still right, and when to check it again. "
            "Press ‘Mark as reviewed today’ below once you have checked it.",
        },
    )

    def action_bar_context(self, request, object_id):
        context = super().action_bar_context(request, object_id)
        context["mark_reviewed_name"] = MARK_REVIEWED
        return context

    @admin.action(description="Mark as reviewed today (next review in a year)", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()
        for obj in queryset:
            publishing.mark_reviewed(obj, request.user, today)
        self.message_user(request, f"Marked {len(queryset)} item(s) as reviewed today.", messages.SUCCESS)

    def _after_save(self, request, obj, added):
        if MARK_REVIEWED not in request.POST:
            return super()._after_save(request, obj, added)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        publishing.mark_reviewed(obj, request.user, timezone.localdate())
        self.message_user(
            request,
            f"Saved “{obj}” and marked it as reviewed today. The next review is due "
            f"{obj.next_review_due:%-d %B %Y}.",
            messages.SUCCESS,
        )
        return redirect(admin_url(obj))
