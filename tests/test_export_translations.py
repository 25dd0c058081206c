"""export_content writes the published translations, and load_content rebuilds them from the export."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from scr_site.leaflet.content_folder.loader import load_content
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.drafts.translations import out_of_date
from scr_site.leaflet.models import (
    Language,
    PublishedCopy,
    Question,
    QuestionTranslation,
    SeededItem,
)
from scr_site.leaflet.pseudo import pseudo_translate
from scr_site.leaflet.registry import PUBLISHED_TRANSLATIONS

from .translation_content import LEAFLET, POLISH, content_with_polish

pytestmark = pytest.mark.django_db

TRANSLATIONS = PUBLISHED_TRANSLATIONS
# What identifies a translation however often it is rebuilt: its language and the English it translates.
KEPT = {"id", "english_id", "language_id", "updated_at", "next_review_due", "reviewed_by_id"}


def export(folder):
    err = StringIO()
    call_command("export_content", str(folder), stdout=StringIO(), stderr=err)
    return err.getvalue()


def translations_as_saved():
    found = {}
    for model in TRANSLATIONS:
        for row in model.objects.select_related("language"):
            english = getattr(row, "english", None)
            name = (model.__name__, row.language.code, str(english) if english else "")
            found[name] = {
                key: value
                for key, value in model.objects.filter(pk=row.pk).values()[0].items()
                if key not in KEPT
            }
    return found


@pytest.fixture
def loaded(db, tmp_path):
    folder = content_with_polish(tmp_path)
    call_command("load_content", content_dir=str(folder), stdout=StringIO())
    return folder


def test_the_export_holds_every_translation_file_the_content_folder_had(loaded, tmp_path):
    export(tmp_path / "export")

    written = {
        str(path.relative_to(tmp_path / "export"))
        for path in (tmp_path / "export").rglob("*")
        if path.is_file()
    }
    assert set(POLISH) <= written


def test_a_site_rebuilt_from_the_export_has_the_same_translations(loaded, tmp_path):
    before = translations_as_saved()
    export(tmp_path / "export")
    Language.objects.all().delete()
    PublishedCopy.objects.all().delete()
    SeededItem.objects.all().delete()

    load_content(Path(tmp_path / "export"), reset=True)

    assert translations_as_saved() == before
    assert Language.objects.get(code="pl").offered


def test_an_out_of_date_translation_is_still_out_of_date_after_a_rebuild(loaded, tmp_path):
    english = Question.objects.get(anchor="what-is-the-lscb")
    english.answer = "The LSCB is a partnership of every organisation working with children."
    english.save()
    publish_item(english, user=None)

    export(tmp_path / "export")
    Language.objects.all().delete()
    SeededItem.objects.filter(key__contains="@pl").delete()
    load_content(Path(tmp_path / "export"), reset=True)

    text = (tmp_path / "export" / LEAFLET / "translations/pl/questions/01-what-is-the-lscb.md").read_text()
    assert "translated_from:\n  answer: The **LSCB** brings together" in text
    rebuilt = QuestionTranslation.objects.get(english__anchor="what-is-the-lscb")
    assert out_of_date(rebuilt) is not None
    assert (
        out_of_date(QuestionTranslation.objects.get(english__anchor="how-long-will-the-review-take")) is None
    )


def test_unpublished_translation_drafts_are_not_exported(loaded, tmp_path):
    row = QuestionTranslation.objects.get(english__anchor="what-is-the-lscb")
    published = row.answer
    row.answer = "Szkic, którego nikt nie opublikował."
    row.save()

    export(tmp_path / "export")

    text = (tmp_path / "export" / LEAFLET / "translations/pl/questions/01-what-is-the-lscb.md").read_text()
    assert published in text and "Szkic" not in text


def test_test_languages_are_not_exported(loaded, tmp_path):
    pseudo_translate()

    export(tmp_path / "export")

    assert not list((tmp_path / "export").rglob("qps-*"))


def test_a_language_with_nothing_published_is_exported_with_its_settings(db, tmp_path):
    call_command("load_content", stdout=StringIO())
    Language.objects.create(code="ur")

    export(tmp_path / "export")

    language = (tmp_path / "export" / "translations/ur/language.yaml").read_text(encoding="utf-8")
    assert "name: اردو\n" in language and "direction: rtl\n" in language
    assert [
        path.name for path in (tmp_path / "export").rglob("*") if "ur" in path.parts and path.is_file()
    ] == ["language.yaml"]


def test_leftover_translation_files_in_the_folder_are_pointed_out(loaded, tmp_path):
    leftover = tmp_path / "export" / "pages/translations/de/privacy.md"
    leftover.parent.mkdir(parents=True)
    leftover.write_text("---\nslug: privacy\n---\nAlt.\n")

    err = StringIO()
    call_command("export_content", str(tmp_path / "export"), force=True, stdout=StringIO(), stderr=err)

    assert f"load_content would read it: {leftover}" in err.getvalue()
