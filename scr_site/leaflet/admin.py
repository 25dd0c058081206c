from django.contrib import admin
from django.utils.html import format_html
from markdownx.admin import MarkdownxModelAdmin
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from .models import Board, GuidanceLink, Leaflet, Page, Section, SiteSettings


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["question", "answer", "order", "published", "anchor"]
    formfield_overrides = {MarkdownxField: {"widget": AdminMarkdownxWidget}}
    verbose_name = "question"
    verbose_name_plural = "questions (shown in order of the 'order' number, lowest first)"


@admin.register(Leaflet)
class LeafletAdmin(MarkdownxModelAdmin):
    list_display = ["title", "web_address", "is_home_page", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "introduction", "closing_text", "sections__question", "sections__answer"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "introduction", "published"]}),
        ("After the questions", {"fields": ["closing_text", "further_reading"]}),
        ("Web address", {"fields": ["slug", "is_home_page"], "classes": ["collapse"]}),
    ]

    @admin.display(description="view on site")
    def web_address(self, leaflet):
        url = leaflet.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)


@admin.register(Section)
class SectionAdmin(MarkdownxModelAdmin):
    list_display = ["question", "leaflet", "order", "published", "updated_at"]
    list_editable = ["order", "published"]
    list_filter = ["leaflet", "published"]
    search_fields = ["question", "answer"]
    fields = ["leaflet", "question", "answer", "order", "published", "anchor"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "telephone", "email", "order"]
    list_editable = ["order"]
    search_fields = ["name", "email", "telephone", "town", "postcode"]
    fields = ["name", "address_lines", "town", "postcode", "telephone", "email", "website", "order"]


@admin.register(GuidanceLink)
class GuidanceLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url", "description"]


@admin.register(Page)
class PageAdmin(MarkdownxModelAdmin):
    list_display = ["title", "slug", "show_in_footer", "published", "updated_at"]
    list_filter = ["published", "show_in_footer"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "show_in_footer", "footer_order", "published"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fields = ["exit_url"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
