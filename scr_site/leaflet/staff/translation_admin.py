"""The admin for translations: the English beside each box, and whether the English has moved on."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from ..drafts.translations import all_out_of_date, bring_up_to_date, english_now, out_of_date
from ..interface import LABELS
from ..localise import PageLanguage
from ..models import Language, QuestionTranslation
from ..permissions import can
from .content_admin import ContentAdmin
from .exchange_views import TranslationFilesMixin
from .forms import ContentForm
from .site_admin import SiteWideAdmin

UP_TO_DATE = "up_to_date"


class TranslationForm(ContentForm):
    up_to_date = forms.BooleanField(
        label="This translation matches the English as it is now",
        required=False,
        help_text="Tick once the translation says what the English says today. Until then families are told, "
        "under a translated answer, that the English has been updated since.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and UP_TO_DATE in self.fields:
            self.fields[UP_TO_DATE].initial = out_of_date(self.instance) is None


def _label_field(label):
    limit = f" Up to {label.max_length} characters." if label.max_length else ""
    return forms.CharField(
        label=label.english,
        required=False,
        max_length=label.max_length,
        help_text=f"{label.where}.{limit} Leave empty to show the English.",
    )


class _InterfaceTextForm(TranslationForm):
    """One box per word or phrase, with the English as its label and any length limit beside it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        texts = self.instance.texts or {}
        for key in LABELS:
            self.fields[f"text_{key}"].initial = texts.get(key, "")

    def clean(self):
        cleaned = super().clean()
        entered = {key: (cleaned.get(f"text_{key}") or "").strip() for key in LABELS}
        self.instance.texts = {key: text for key, text in entered.items() if text}
        return cleaned


InterfaceTextForm = type(
    "InterfaceTextForm",
    (_InterfaceTextForm,),
    {f"text_{key}": _label_field(label) for key, label in LABELS.items()},
)


class TranslationAdmin(ContentAdmin):
    form = TranslationForm
    list_filter = ["language"]
    list_select_related = ["language", "english"]

    def get_list_display(self, request):
        return ["__str__", "language", "publishing_status", "english_status"]

    def get_fields(self, request, obj=None):
        fields = ["english", "language"]
        for name in self.model.FIELDS:
            fields += [name, f"english_{name}"]
        return [*fields, UP_TO_DATE, "opened_version"]

    def get_readonly_fields(self, request, obj=None):
        return [f"english_{name}" for name in self.model.FIELDS] + (["english", "language"] if obj else [])

    def __getattr__(self, name):
        # english_<field>: the published English beside its translation, for reference.
        if name.startswith("english_") and name[len("english_") :] in getattr(self.model, "FIELDS", ()):
            return self._english_field(name[len("english_") :])
        raise AttributeError(name)

    def _english_field(self, field):
        def show(obj):
            if obj is None or obj.pk is None:
                return "Shown here once you have chosen the English item and saved."
            text = english_now(obj).get(field, "")
            return format_html('<div lang="en" dir="ltr" class="english-text">{}</div>', text or "(empty)")

        show.short_description = f"English {self.model._meta.get_field(field).verbose_name}"
        return show

    @admin.display(description="English")
    def english_status(self, obj):
        stale = out_of_date(obj)
        return "The English has changed since" if stale else "Matches the English"

    def public_url(self, obj):
        english = getattr(obj, "english", None)
        english_url = english.get_absolute_url() if hasattr(english, "get_absolute_url") else "/"
        return PageLanguage(obj.language).url(english_url)

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get(UP_TO_DATE) or not change:
            bring_up_to_date(obj)
        super().save_model(request, obj, form, change)

    def action_bar_context(self, request, object_id):
        context = super().action_bar_context(request, object_id)
        obj = self.get_object(request, object_id) if object_id else None
        stale = out_of_date(obj) if obj is not None else None
        if stale is not None:
            context["english_changes"] = stale.changes
        if obj is not None and obj.language.is_test:
            context["can_publish"] = False
            context["test_language"] = True
        return context


class InterfaceTextAdmin(TranslationAdmin):
    form = InterfaceTextForm
    list_select_related = ["language"]

    def get_list_display(self, request):
        return ["__str__", "publishing_status", "english_status"]

    def get_fields(self, request, obj=None):
        return ["language", *[f"text_{key}" for key in LABELS], UP_TO_DATE, "opened_version"]

    def get_readonly_fields(self, request, obj=None):
        return ["language"] if obj else []


class LanguageAdmin(TranslationFilesMixin, SiteWideAdmin):
    """Languages take effect when saved; families see one once something in it is published.

    A language's page also has its files for a translation agency (see exchange_views).
    """

    list_display = ["__str__", "code", "direction", "offered", "order"]
    fields = ["code", "name", "name_in_english", "direction", "offered", "order"]
    change_form_template = "admin/leaflet/language_change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).real()

    def get_urls(self):
        out_of_date = self.admin_site.admin_view(self.out_of_date_view)
        return [
            path("<path:object_id>/out-of-date/", out_of_date, name="leaflet_language_outofdate"),
            *self.translation_file_urls(),
            *super().get_urls(),
        ]

    def out_of_date_view(self, request, object_id):
        """Every translation in this language whose English has changed since, with the change."""
        language = get_object_or_404(Language.objects.real(), pk=object_id)
        if not can(request.user, "view", QuestionTranslation):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": language,
            "title": f"{language}: translations the English has moved on from",
            "items": all_out_of_date(language),
        }
        return TemplateResponse(request, "admin/leaflet/out_of_date.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        language = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), **self.translation_files_context(request, language)}
        return super().change_view(request, object_id, form_url, extra_context)
