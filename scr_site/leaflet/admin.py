from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget
from reversion.admin import VersionAdmin
from reversion.models import Version

from scr_site.findability.admin_warnings import SecurityTxtWarningAdmin, SummaryWarningAdmin

from . import plain_english, publishing
from .diffs import changes_between, version_values
from .editing import ContentForm, without_conflict_check
from .link_checker import BROKEN, REDIRECTED, UNCHECKED, WORKING
from .models import Board, GuidanceLink, Leaflet, Page, Section, SiteNotice, SiteSettings

PUBLISH = "leaflet.publish_content"
RESTORE = "leaflet.restore_content"
MARKDOWN_WIDGETS = {MarkdownxField: {"widget": AdminMarkdownxWidget}}


def can_publish(request):
    return request.user.has_perm(PUBLISH)


class _ThisObjectOnly:
    """A version whose restore changes only its own item.

    django-reversion's restore view reverts the whole revision the version was saved in,
    and a save of the leaflet page stores every question in one revision: restoring one
    question must not undo later edits to the others.
    """

    def __init__(self, version):
        self._version = version

    def __getattr__(self, name):
        return getattr(self._version, name)

    @property
    def revision(self):
        version = self._version

        class OneItemRevision:
            date_created = version.revision.date_created

            def revert(self, delete=False):
                version.revert()

        return OneItemRevision()


class RestoringMixin:
    """Only Publishers restore; a restore is saved as a new version and stays a draft until published."""

    # True where restoring an item should also restore what was saved with it (a leaflet's questions).
    restore_whole_revision = False

    def _require_restore(self, request):
        if not request.user.has_perm(RESTORE):
            raise PermissionDenied

    def _restore(self, request, version, template, context):
        request.restoring = True
        if not self.restore_whole_revision:
            version = _ThisObjectOnly(version)
        return self._reversion_revisionform_view(request, version, template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._require_restore(request)
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        context = {"title": f"Restore an earlier version of “{version.object_repr}”", "revert": True}
        template = self.revision_form_template or self._reversion_get_template_list("revision_form.html")
        return self._restore(request, version, template, {**context, **(extra_context or {})})

    def recover_view(self, request, version_id, extra_context=None):
        self._require_restore(request)
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version, pk=version_id)
        context = {"title": f"Recover “{version.object_repr}”", "recover": True}
        template = self.recover_form_template or self._reversion_get_template_list("recover_form.html")
        return self._restore(request, version, template, {**context, **(extra_context or {})})

    def recoverlist_view(self, request, extra_context=None):
        self._require_restore(request)
        return super().recoverlist_view(request, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return without_conflict_check(form) if getattr(request, "restoring", False) else form


class ContentAdmin(RestoringMixin, VersionAdmin):
    """Drafts, publishing, preview, history with side-by-side differences, and conflict checks."""

    form = ContentForm
    formfield_overrides = MARKDOWN_WIDGETS
    change_form_template = "admin/leaflet/content_change_form.html"
    object_history_template = "admin/leaflet/object_history.html"
    save_on_top = True

    # --- publishing ----------------------------------------------------------

    def publish_object(self, request, obj):
        publishing.publish(obj, request.user)

    def publish_status(self, obj):
        return publishing.status_of(obj)

    @admin.display(description="families see")
    def status(self, obj):
        return self.publish_status(obj).label

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/publish/",
                self.admin_site.admin_view(require_POST(self.publish_view)),
                name="{}_{}_publish".format(*info),
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def publish_view(self, request, object_id):
        if not can_publish(request):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        with transaction.atomic():
            self.publish_object(request, obj)
            self.log_change(request, obj, "Published.")
        self.message_user(request, f"“{obj}” is published: families can see it now.", messages.SUCCESS)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]))

    def response_change(self, request, obj):
        if "_publish" in request.POST:
            return self.publish_view(request, obj.pk)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_publish" in request.POST:
            return self.publish_view(request, obj.pk)
        return super().response_add(request, obj, post_url_continue)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Checked before anything is saved, so an Editor's direct POST changes nothing at all.
        if request.method == "POST" and "_publish" in request.POST and not can_publish(request):
            raise PermissionDenied
        extra_context = {**(extra_context or {}), "can_publish": can_publish(request)}
        if object_id:
            obj = self.get_object(request, object_id)
            if obj is not None:
                extra_context["publish_status"] = self.publish_status(obj)
                extra_context["preview_url"] = self.preview_url(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def preview_url(self, obj):
        return None

    # Deleting a leaflet or a page takes it off the site at once (only Publishers can delete).
    # Questions, boards and links leave when their leaflet is next published.
    withdraw_on_delete = False

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        if self.withdraw_on_delete:
            publishing.withdraw(type(obj), pk)

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        if self.withdraw_on_delete:
            for pk in pks:
                publishing.withdraw(self.model, pk)

    @admin.action(description="Publish the selected items", permissions=["publish"])
    def publish_selected(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self.publish_object(request, obj)
                self.log_change(request, obj, "Published.")
        self.message_user(request, f"Published {len(queryset)} item(s).", messages.SUCCESS)

    def has_publish_permission(self, request):
        return can_publish(request)

    actions = ["publish_selected"]

    # --- history -------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        info = self.opts.app_label, self.opts.model_name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"History of “{obj}”",
            "versions": Version.objects.get_for_object(obj).select_related("revision__user"),
            "compare_url": reverse("admin:{}_{}_compare".format(*info), args=[obj.pk]),
            "revision_url_name": "admin:{}_{}_revision".format(*info),
            "can_restore": request.user.has_perm(RESTORE),
            "log_entries": self._published_log(obj),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def _published_log(self, obj):
        from django.contrib.admin.models import LogEntry

        return LogEntry.objects.filter(
            content_type__app_label=self.opts.app_label,
            content_type__model=self.opts.model_name,
            object_id=str(obj.pk),
            change_message="Published.",
        ).select_related("user")

    def compare_view(self, request, object_id):
        """Two versions side by side, with the words that changed marked."""
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            older = versions.get(pk=request.GET["from"])
            newer = versions.get(pk=request.GET["to"])
        except (KeyError, ValueError, Version.DoesNotExist):
            self.message_user(request, "Choose two versions to compare.", messages.ERROR)
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk])
            )
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Compare versions of “{obj}”",
            "older": older,
            "newer": newer,
            "changes": changes_between(self.model, version_values(older), version_values(newer)),
        }
        return TemplateResponse(request, "admin/leaflet/compare.html", context)


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
                f"Saved. Plain English suggestions for “{obj}”: "
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
            "Use ‘Mark as reviewed today’ in the list to fill these in.",
        },
    )

    @admin.action(description="Mark as reviewed today (next review in a year)")
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()
        for obj in queryset:
            publishing.mark_reviewed(obj, request.user, today)
        self.message_user(request, f"Marked {len(queryset)} item(s) as reviewed today.", messages.SUCCESS)


class SectionInline(PlainEnglishMixin, admin.StackedInline):
    model = Section
    form = ContentForm
    extra = 0
    fields = ["question", "answer", "plain_english_advice", "order", "published", "anchor", "opened_version"]
    readonly_fields = ["plain_english_advice"]
    plain_english_field = "answer"
    formfield_overrides = MARKDOWN_WIDGETS
    verbose_name = "question"
    verbose_name_plural = "questions (shown in order of the 'order' number, lowest first)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if getattr(request, "restoring", False):
            formset.form = without_conflict_check(formset.form)
        return formset


@admin.register(Leaflet)
class LeafletAdmin(SummaryWarningAdmin, ReviewDatesMixin, ContentAdmin):
    list_display = ["title", "status", "is_home_page", "published", "next_review_due", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "introduction", "closing_text", "sections__question", "sections__answer"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline]
    actions = ["publish_selected", "mark_reviewed"]

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["title", "summary", "introduction", "published", "opened_version"]}),
            ("After the questions", {"fields": ["closing_text", "further_reading"]}),
            ("Web address", {"fields": ["slug", "is_home_page"], "classes": ["collapse"]}),
            self.review_fieldset,
        ]

    restore_whole_revision = True
    withdraw_on_delete = True

    def publish_object(self, request, obj):
        publishing.publish_leaflet(obj, request.user)

    def publish_status(self, obj):
        # Publishing a leaflet also publishes its questions, the boards and the links.
        return publishing.leaflet_status(obj)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        inline = SectionInline(self.model, self.admin_site)
        for section in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
            inline.advise(request, section)

    def preview_url(self, obj):
        # Questions deleted here stay on the public site until the leaflet is published.
        return reverse("leaflet:leaflet_preview", args=[obj.pk])


@admin.register(Section)
class SectionAdmin(PlainEnglishMixin, ContentAdmin):
    list_display = ["question", "leaflet", "status", "reading_age", "order", "published"]
    list_filter = ["leaflet", "published"]
    search_fields = ["question", "answer"]
    fields = [
        "leaflet",
        "question",
        "answer",
        "plain_english_advice",
        "order",
        "published",
        "anchor",
        "opened_version",
    ]
    readonly_fields = ["plain_english_advice"]
    plain_english_field = "answer"

    def preview_url(self, obj):
        return reverse("leaflet:leaflet_preview", args=[obj.leaflet_id])

    def publish_object(self, request, obj):
        publishing.publish(obj, request.user)


@admin.register(Board)
class BoardAdmin(ContentAdmin):
    list_display = ["name", "status", "telephone", "email", "order"]
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


class LinkCheckFilter(admin.SimpleListFilter):
    title = "last link check"
    parameter_name = "link_check"
    outcomes = {
        "broken": ("Broken", BROKEN),
        "redirected": ("Moved (still works)", REDIRECTED),
        "working": ("Working", WORKING),
        "unchecked": ("Not checked yet", UNCHECKED),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.outcomes.items()]

    def queryset(self, request, queryset):
        if self.value() in self.outcomes:
            return queryset.filter(self.outcomes[self.value()][1])
        return queryset


@admin.register(GuidanceLink)
class GuidanceLinkAdmin(ContentAdmin):
    list_display = ["title", "status", "url", "link_check", "link_checked_at", "order"]
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
    list_display = ["title", "status", "reading_age", "show_in_footer", "published", "next_review_due"]
    list_filter = ["published", "show_in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["plain_english_advice"]
    plain_english_field = "body"
    plain_english_top_heading = 2
    withdraw_on_delete = True
    actions = ["publish_selected", "mark_reviewed"]

    def get_fieldsets(self, request, obj=None):
        return [
            (
                None,
                {
                    "fields": [
                        "title",
                        "summary",
                        "body",
                        "plain_english_advice",
                        "published",
                        "opened_version",
                    ]
                },
            ),
            ("Footer and web address", {"fields": ["show_in_footer", "footer_order", "slug"]}),
            self.review_fieldset,
        ]

    def preview_url(self, obj):
        return reverse("leaflet:page_preview", args=[obj.pk])


@admin.register(SiteNotice)
class SiteNoticeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published", "starts_at", "ends_at"]
    fields = ["message", "published", "starts_at", "ends_at"]
    formfield_overrides = MARKDOWN_WIDGETS


@admin.register(SiteSettings)
class SiteSettingsAdmin(SecurityTxtWarningAdmin, admin.ModelAdmin):
    fields = ["exit_url", "feedback_digest_email", "security_contact", "security_txt_expires"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
