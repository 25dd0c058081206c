"""The registry (scr_site/leaflet/registry.py) names every model, and everything built on it keeps up.

Every model is either read by public pages (PUBLISHED or LIVE) or declared not public with
the reason. For each one a public page reads, a change made as staff make it shows on the
cached page at once. And every place that deals with translations covers exactly the
registry's translation models, so a new one is added in the registry alone.
"""

import ast
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from reversion import is_registered

import scr_site
from scr_site.leaflet import registry
from scr_site.leaflet.content_folder.loader import load_content
from scr_site.leaflet.drafts.publication import Publication
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.exchange.segments import KINDS
from scr_site.leaflet.models import (
    Board,
    BoardTranslation,
    GuidanceLink,
    GuidanceLinkTranslation,
    InterfaceText,
    Language,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    PublishedCopy,
    Question,
    QuestionTranslation,
    SeededItem,
    SiteNotice,
    SiteNoticeTranslation,
    SiteSettings,
)
from scr_site.leaflet.permissions import ROLES

from .translation_content import content_with_polish
from .translations import translate

pytestmark = pytest.mark.django_db

PUBLIC = [*registry.PUBLISHED, *registry.LIVE_MODELS]


def label(model):
    return model._meta.label


# --- every model is in the registry, once --------------------------------------------------


def test_every_model_is_read_by_public_pages_or_declared_not_public_with_the_reason():
    named = {label(model) for model in PUBLIC} | set(registry.NOT_PUBLIC)

    assert {label(model) for model in apps.get_models()} - named == set()
    assert all(reason.strip() for reason in registry.NOT_PUBLIC.values())


def test_no_model_is_in_the_registry_twice_or_named_there_without_existing():
    published = [label(model) for model in registry.PUBLISHED]
    live = [label(model) for model in registry.LIVE_MODELS]
    every = [*published, *live, *registry.NOT_PUBLIC]

    assert len(every) == len(set(every))
    assert set(every) <= {label(model) for model in apps.get_models()}


# --- a change to anything public pages read shows on the cached page ---------------------


@dataclass(frozen=True)
class Case:
    """A page that shows a model, the row staff change and how: `change` returns what the page then shows."""

    path: str
    row: Callable
    change: Callable


def setting(field, value):
    def change(row):
        setattr(row, field, value)
        return value

    return change


def relabelling(key, text):
    def change(row):
        row.texts = {**row.texts, key: text}
        return text

    return change


def polish(model):
    return lambda language: model.objects.get(language=language)


CASES = {
    Leaflet: Case(
        "/",
        lambda language: Leaflet.objects.get(is_home_page=True),
        setting("title", "Serious case reviews and your family"),
    ),
    Question: Case(
        "/",
        lambda language: Question.objects.get(question="How Long Will the Review Take?"),
        setting("answer", "Most reviews now take about a year to finish."),
    ),
    Board: Case(
        "/",
        lambda language: Board.objects.get(name__startswith="Peterborough"),
        setting("name", "Peterborough Children Safeguarding Partnership"),
    ),
    GuidanceLink: Case(
        "/", lambda language: GuidanceLink.objects.first(), setting("title", "Working Together 2023")
    ),
    Page: Case(
        "/privacy/", lambda language: Page.objects.get(slug="privacy"), setting("title", "Your privacy")
    ),
    LeafletTranslation: Case(
        "/pl/", polish(LeafletTranslation), setting("title", "Przeglądy spraw i rodzina")
    ),
    QuestionTranslation: Case("/pl/", polish(QuestionTranslation), setting("answer", "Zwykle trwa to rok.")),
    BoardTranslation: Case("/pl/", polish(BoardTranslation), setting("name", "Rada Ochrony Dzieci")),
    GuidanceLinkTranslation: Case(
        "/pl/", polish(GuidanceLinkTranslation), setting("title", "Wspólna praca 2023")
    ),
    PageTranslation: Case("/pl/privacy/", polish(PageTranslation), setting("title", "Twoja prywatność")),
    InterfaceText: Case("/pl/", polish(InterfaceText), relabelling("contents", "Spis pytań")),
    SiteSettings: Case(
        "/", lambda language: SiteSettings.load(), setting("exit_url", "https://www.metoffice.gov.uk/")
    ),
    SiteNotice: Case(
        "/", lambda language: SiteNotice.objects.get(), setting("message", "The office is closed on Monday.")
    ),
    SiteNoticeTranslation: Case(
        "/pl/", polish(SiteNoticeTranslation), setting("message", "Biuro jest zamknięte w poniedziałek.")
    ),
    Language: Case("/", lambda language: language, setting("name", "Polszczyzna")),
}


@pytest.fixture
def site(leaflet_content):
    """The site as loaded, with Polish live and a row of every model a public page reads."""
    language = translate("pl")
    link = GuidanceLinkTranslation.objects.create(
        english=GuidanceLink.objects.first(), language=language, title="Wspólna praca"
    )
    publish_item(link, user=None)
    notice = SiteNotice.objects.create(message="The office is closed on Friday.", show_to_families=True)
    SiteNoticeTranslation.objects.create(english=notice, language=language, message="Biuro jest zamknięte.")
    return language


@pytest.mark.parametrize("model", PUBLIC, ids=lambda model: model.__name__)
def test_a_change_staff_make_to_anything_a_public_page_reads_shows_on_the_cached_page(
    client, site, django_assert_num_queries, model
):
    if model not in CASES:
        pytest.fail(f"{model.__name__} is read by public pages but has no case here: add one.")
    case = CASES[model]
    client.get(case.path)
    with django_assert_num_queries(0):
        cached = client.get(case.path)
    assert cached.status_code == 200

    row = case.row(site)
    shown = case.change(row)
    row.save()
    if model in registry.PUBLISHED:
        publish_item(row, user=None)

    assert shown not in cached.content.decode()
    assert shown in client.get(case.path).content.decode()


# --- every place covers exactly the registry's translations -------------------------------


def test_every_translation_is_edited_in_the_admin():
    assert all(admin.site.is_registered(model) for model in registry.TRANSLATIONS)


def test_each_role_has_its_rights_to_every_published_translation():
    for model in registry.PUBLISHED_TRANSLATIONS:
        name = model._meta.model_name
        assert f"leaflet.change_{name}" in ROLES["Editor"]
        assert f"leaflet.delete_{name}" in ROLES["Publisher"]


def test_every_published_model_keeps_its_history():
    assert all(is_registered(model) for model in registry.PUBLISHED)


def test_translators_are_offered_every_field_of_every_item_translation():
    assert {kind.model for kind in KINDS.values()} == set(registry.ITEM_TRANSLATIONS)
    for model in registry.ITEM_TRANSLATIONS:
        assert set(model.WHERE) == set(model.FIELDS), model.__name__


def test_every_english_model_families_read_in_other_languages_has_one_translation():
    assert set(registry.TRANSLATION_OF.values()) == set(registry.TRANSLATIONS) - {InterfaceText}
    assert all(registry.translation_of(model) is not None for model in registry.ENGLISH)


def test_publishing_a_leaflets_translation_publishes_the_translations_of_everything_on_its_page(site):
    publication = Publication.of(LeafletTranslation.objects.get(language=site))

    on_the_page = [Leaflet, Question, *registry.ON_EVERY_LEAFLET]
    assert {entry.model for entry in publication.entries} == {
        *map(registry.translation_of, on_the_page),
        InterfaceText,
    }


def in_polish(models):
    return {model for model in models if model.objects.filter(language__code="pl").exists()}


def test_every_published_translation_is_loaded_from_content_and_rebuilt_from_the_export(tmp_path):
    call_command("load_content", content_dir=str(content_with_polish(tmp_path)), stdout=StringIO())
    loaded = in_polish(registry.PUBLISHED_TRANSLATIONS)
    call_command("export_content", str(tmp_path / "export"), stdout=StringIO(), stderr=StringIO())
    Language.objects.all().delete()
    PublishedCopy.objects.all().delete()
    SeededItem.objects.all().delete()

    load_content(tmp_path / "export", reset=True)

    rebuilt = {
        model for model in registry.PUBLISHED_TRANSLATIONS if model.objects.filter(language__code="pl")
    }
    assert loaded == rebuilt == set(registry.PUBLISHED_TRANSLATIONS)


def _named(node, names):
    """The model `node` names, if it is a model's name, a model name's text, or Kind(..., Model, ...)."""
    if isinstance(node, ast.Name) and node.id in names:
        return {node.id}
    if isinstance(node, ast.Constant) and node.value in names:
        return {node.value}
    if isinstance(node, ast.Call):
        return set().union(*(_named(arg, names) for arg in node.args if not isinstance(arg, ast.Call)))
    return set()


def _models_listed_together(path, names):
    """Each literal list, tuple, set or dict in the module whose items name two or more of `names`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            items = [*node.keys, *node.values]
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = node.elts
        else:
            continue
        named = set().union(*(_named(item, names) for item in items if item is not None))
        if len(named) > 1:
            found.append((node.lineno, sorted(named)))
    return found


def test_no_module_but_the_registry_lists_translation_models_by_hand():
    # By class name or by model name ("boardtranslation"), as roles and permissions name them.
    names = {model.__name__ for model in registry.TRANSLATIONS}
    names |= {model._meta.model_name for model in registry.TRANSLATIONS}
    package = Path(scr_site.__file__).parent
    allowed = {package / "leaflet" / "registry.py", package / "leaflet" / "models" / "__init__.py"}
    listed = {
        f"{path.relative_to(package.parent)}:{line}": named
        for path in sorted(package.rglob("*.py"))
        if "migrations" not in path.parts and path not in allowed
        for line, named in _models_listed_together(path, names)
    }

    assert not listed, f"Derive these from scr_site/leaflet/registry.py: {listed}"
