"""What staff edit in the admin, and how each list and form looks. The machinery is in staff/."""

from django.contrib import admin

from scr_site.findability.admin_warnings import SecurityTxtWarningAdmin, SummaryWarningAdmin

from .models import (
    Board,
    GuidanceLink,
    InterfaceText,
    Language,
    Leaflet,
    Page,
    Question,
    SiteNotice,
    SiteNoticeTranslation,
    SiteSettings,
)
from .registry import ITEM_TRANSLATIONS
from .staff.advice import PlainEnglishMixin, ReviewDatesMixin
from .staff.content_admin import MARKDOWN_WIDGETS, ContentAdmin
from .staff.filters import LinkCheckFilter
from .staff.questions import QuestionListMixin
from .staff.site_admin import SiteWideAdmin
from .staff.translation_admin import InterfaceTextAdmin, LanguageAdmin, TranslationAdmin


@admin.register(Leaflet)
class LeafletAdmin(SummaryWarningAdmin, QuestionListMixin, ReviewDatesMixin, ContentAdmin):
    list_display = ["title", "publishing_status", "is_home_page", "show_to_families", "next_review_due"]
    list_filter = ["show_to_families"]
    search_fields = ["title", "introduction", "closing_text", "questions__question", "questions__answer"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish_selected", "mark_reviewed"]
    fieldsets = [
        (None, {"fields": ["title", "summary", "introduction", "show_to_families", "opened_version"]}),
        ("After the questions", {"fields": ["closing_text", "further_reading"]}),
        ("Web address", {"fields": ["slug", "is_home_page"]}),
        ReviewDatesMixin.review_fieldset,
    ]


@admin.register(Question)
class QuestionAdmin(PlainEnglishMixin, ContentAdmin):
    list_display = ["question", "leaflet", "publishing_status", "reading_age", "order", "show_to_families"]
    list_filter = ["leaflet", "show_to_families"]
    search_fields = ["question", "answer"]
    fields = [
        "leaflet",
        "question",
        "answer",
        "plain_english_advice",
        "show_to_families",
        "order",
        "anchor",
        "opened_version",
    ]
    readonly_fields = ["plain_english_advice"]
    plain_english_field = "answer"

    def action_bar_context(self, request, object_id):
        context = super().action_bar_context(request, object_id)
        question = self.get_object(request, object_id) if object_id else None
        leaflet_id = question.leaflet_id if question else request.GET.get("leaflet", "")
        found = str(leaflet_id).isdigit() and Leaflet.objects.filter(pk=leaflet_id).first()
        context["leaflet_of_question"] = found or None
        return context


@admin.register(Board)
class BoardAdmin(ContentAdmin):
    list_display = ["name", "publishing_status", "telephone", "email", "order"]
    search_fields = ["name", "email", "telephone", "town", "postcode"]
    fields = [
        "name",
        "address_lines",
        "town",
        "postcode",
        "telephone",
        "email",
        "website",
        "order",
        "opened_version",
    ]


@admin.register(GuidanceLink)
class GuidanceLinkAdmin(ContentAdmin):
    list_display = ["title", "publishing_status", "url", "link_check", "link_checked_at", "order"]
    list_filter = [LinkCheckFilter]
    search_fields = ["title", "url", "description"]
    fields = ["title", "url", "description", "order", "link_check", "link_final_url", "opened_version"]
    readonly_fields = ["link_check", "link_final_url"]

    @admin.display(description="link check")
    def link_check(self, link):
        if link.link_checked_at is None:
            return "Not checked yet (run manage.py check_links)"
        return link.link_problem or "Working"


@admin.register(Page)
class PageAdmin(SummaryWarningAdmin, PlainEnglishMixin, ReviewDatesMixin, ContentAdmin):
    list_display = [
        "title",
        "publishing_status",
        "reading_age",
        "show_in_footer",
        "show_to_families",
        "next_review_due",
    ]
    list_filter = ["show_to_families", "show_in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["plain_english_advice"]
    plain_english_field = "body"
    plain_english_top_heading = 2
    actions = ["publish_selected", "mark_reviewed"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "summary",
                    "body",
                    "plain_english_advice",
                    "show_to_families",
                    "opened_version",
                ]
            },
        ),
        ("Footer and web address", {"fields": ["show_in_footer", "footer_order", "slug"]}),
        ReviewDatesMixin.review_fieldset,
    ]


@admin.register(SiteNotice)
class SiteNoticeAdmin(SiteWideAdmin):
    list_display = ["__str__", "show_to_families", "starts_at", "ends_at"]
    fields = ["message", "show_to_families", "starts_at", "ends_at"]
    formfield_overrides = MARKDOWN_WIDGETS


@admin.register(SiteSettings)
class SiteSettingsAdmin(SecurityTxtWarningAdmin, SiteWideAdmin):
    fields = ["exit_url", "feedback_digest_email", "security_contact", "security_txt_expires"]

    def has_add_permission(self, request):
        # One row only, and only for those allowed to add it.
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# --- translations ---------------------------------------------------------------------------

admin.site.register(Language, LanguageAdmin)
admin.site.register(InterfaceText, InterfaceTextAdmin)
for translation in ITEM_TRANSLATIONS:
    admin.site.register(translation, TranslationAdmin)


@admin.register(SiteNoticeTranslation)
class SiteNoticeTranslationAdmin(SiteWideAdmin):
    list_display = ["__str__", "language"]
    list_filter = ["language"]
    fields = ["english", "language", "message"]
    formfield_overrides = MARKDOWN_WIDGETS
