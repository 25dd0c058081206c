import pytest
from django.core.management import CommandError, call_command

from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question

pytestmark = pytest.mark.django_db

MODELS = [Leaflet, Question, Board, GuidanceLink, Page]


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def test_load_content_creates_the_leaflet(leaflet_content):
    assert Leaflet.objects.get().is_home_page
    assert Question.objects.count() == 7
    assert Board.objects.count() == 2
    assert GuidanceLink.objects.count() == 1
    assert Page.objects.count() == 3


def test_running_load_content_twice_changes_nothing(leaflet_content):
    before = snapshot()
    call_command("load_content", verbosity=0)
    assert snapshot() == before


def test_a_staff_edit_survives_another_load(leaflet_content):
    question = Question.objects.get(anchor="what-is-the-lscb")
    question.answer = "Edited by staff."
    question.save()
    call_command("load_content", verbosity=0)
    question.refresh_from_db()
    assert question.answer == "Edited by staff."


def test_a_section_staff_deleted_is_not_brought_back(leaflet_content):
    Question.objects.get(anchor="what-is-the-lscb").delete()
    call_command("load_content", verbosity=0)
    assert not Question.objects.filter(anchor="what-is-the-lscb").exists()


def test_reset_restores_the_leaflet_text(leaflet_content):
    original = Question.objects.get(anchor="what-is-the-lscb").answer
    Question.objects.filter(anchor="what-is-the-lscb").update(answer="Edited by staff.")
    Question.objects.get(anchor="how-long-will-the-review-take").delete()
    Board.objects.filter(name__startswith="Peterborough").update(telephone="01733 000000")

    call_command("load_content", reset=True, verbosity=0)

    assert Question.objects.get(anchor="what-is-the-lscb").answer == original
    assert Question.objects.filter(anchor="how-long-will-the-review-take").exists()
    assert Board.objects.get(name__startswith="Peterborough").telephone == "01733 863765"


def test_a_broken_content_file_loads_nothing_and_names_the_file(db, tmp_path, settings):
    # Copy content/ and break one board's telephone number.
    import shutil

    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    boards = content / "boards.yaml"
    boards.write_text(boards.read_text().replace("01480 373522", "not a number"))

    with pytest.raises(CommandError, match=r"board:cambridgeshire: telephone"):
        call_command("load_content", content_dir=str(content), verbosity=0)
    assert snapshot() == {model.__name__: [] for model in MODELS}


def test_a_section_file_without_a_header_is_reported(db, tmp_path, settings):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    question = next((content / "leaflets" / "serious-case-reviews" / "questions").glob("01-*.md"))
    question.write_text("Just an answer, no header.\n")

    with pytest.raises(CommandError, match=question.name):
        call_command("load_content", content_dir=str(content), verbosity=0)


def test_a_page_staff_created_is_adopted_not_duplicated(leaflet_content, tmp_path, settings):
    import shutil

    Page.objects.create(title="Help", slug="help", body="Made in the admin.")
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    (content / "pages" / "help.md").write_text("---\ntitle: Help\nslug: help\n---\nFrom the files.\n")

    call_command("load_content", content_dir=str(content), verbosity=0)
    assert Page.objects.get(slug="help").body == "Made in the admin."  # staff text kept

    call_command("load_content", content_dir=str(content), reset=True, verbosity=0)
    assert Page.objects.filter(slug="help").count() == 1
    assert Page.objects.get(slug="help").body == "From the files."


def test_content_without_a_leaflets_folder_is_reported(db, tmp_path):
    with pytest.raises(CommandError, match="leaflets: folder not found"):
        call_command("load_content", content_dir=str(tmp_path), verbosity=0)
