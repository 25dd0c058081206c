"""A language's files for translation agencies: download what needs translating, bring back the result.

Editors and Publishers both do this: an import only writes drafts, which a Publisher
then previews and publishes.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from ..admin_links import admin_url
from ..exchange.exporting import translation_file
from ..exchange.importing import MAX_FILE_BYTES, ImportRefused, file_label, import_translation
from ..exchange.segments import segments_to_translate
from ..exchange.xliff import MEDIA_TYPE
from ..models import Language, LeafletTranslation, QuestionTranslation
from ..permissions import can
from ..registry import PUBLISHED_TRANSLATIONS

# A file holds every item translation's texts and the interface words: all that is published.
EXCHANGED = PUBLISHED_TRANSLATIONS


def can_export(user):
    return all(can(user, "view", model) for model in EXCHANGED)


def can_import(user):
    return all(can(user, "add", model) and can(user, "change", model) for model in EXCHANGED)


class TranslationFileForm(forms.Form):
    file = forms.FileField(
        label="The file the agency returned",
        help_text="An XLIFF file (ending .xlf or .xliff) made from a file downloaded from this page. "
        f"Up to {MAX_FILE_BYTES // 1024 // 1024} MB.",
        error_messages={"required": "Choose the file the agency returned.", "empty": "The file is empty."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB, far larger than a translation "
                "file for this site: check it is the right file."
            )
        return upload


class TranslationFilesMixin:
    """For LanguageAdmin: the two pages, and what the language's own page says about them."""

    def translation_file_urls(self):
        def view(function, name):
            return path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(function),
                name=f"{self.opts.app_label}_{self.opts.model_name}_{name}",
            )

        return [
            view(require_GET(self.translation_file_view), "translationfile"),
            view(self.import_translation_view, "importtranslation"),
        ]

    def translation_files_context(self, request, language):
        if language is None or language.is_test or not can_export(request.user):
            return {}
        return {
            "translation_files": {
                "needed": len(segments_to_translate(language)),
                "export_url": admin_url(language, "translationfile"),
                "import_url": admin_url(language, "importtranslation") if can_import(request.user) else "",
            }
        }

    @staticmethod
    def _language(object_id):
        if not str(object_id).isascii() or not str(object_id).isdigit():
            raise Http404
        return get_object_or_404(Language.objects.real(), pk=object_id)

    def translation_file_view(self, request, object_id):
        if not can_export(request.user):
            raise PermissionDenied
        language = self._language(object_id)
        exported = translation_file(language)
        if exported is None:
            self.message_user(
                request,
                f"Nothing to send: every text in {language.name} matches the English as published.",
                messages.INFO,
            )
            return redirect(admin_url(language))
        response = HttpResponse(exported.content, content_type=f"{MEDIA_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{exported.name}"'
        return response

    def import_translation_view(self, request, object_id):
        if not can_import(request.user):
            raise PermissionDenied
        language = self._language(object_id)
        posted = request.method == "POST"
        form = TranslationFileForm(request.POST, request.FILES) if posted else TranslationFileForm()
        problems = []
        if posted and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_translation(upload.read(), upload.name, request.user, language)
            except ImportRefused as refused:
                problems = refused.problems
            else:
                self.message_user(request, self._imported_message(result, upload.name), messages.SUCCESS)
                return redirect(admin_url(language))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": language,
            "title": f"Bring back a translation file for {language.name}",
            "form": form,
            "problems": problems,
            "language_url": admin_url(language),
        }
        return TemplateResponse(request, "admin/leaflet/import_translation.html", context)

    @staticmethod
    def _imported_message(result, name):
        leaflet = next((row for row in result.rows if isinstance(row, LeafletTranslation)), None)
        if leaflet is not None:
            where = admin_url(leaflet)
        else:
            where = f"{admin_url(QuestionTranslation, 'changelist')}?language__id__exact={result.language.pk}"
        return format_html(
            "Brought in {} texts from “{}” as drafts of {} translations. Nothing is published yet: "
            '<a href="{}">preview and publish them</a>.',
            len(result.segments),
            file_label(name),
            result.language.name,
            where,
        )
