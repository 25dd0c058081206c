"""export_content writes what families see back out as content/ files that load_content can rebuild."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from scr_site.leaflet.content_folder.files import read_leaflets, read_list, read_pages
from scr_site.leaflet.content_folder.loader import load_content
from scr_site.leaflet.drafts.publishing import deletions_are_drafts, publish_item
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, PublishedCopy, Question, SeededItem

from .helpers import page, text_of

pytestmark = pytest.mark.django_db

# What the loader assumes when a file leaves a key out, so "left out" and "written out" compare equal.
LEAFLET_DEFAULTS = {"home_page": False, "show_to_families": True}
# Leaflet texts the loader strips, so a block's closing line break never reaches the database.
LEAFLET_TEXTS = ["introduction", "closing_text", "further_reading"]
SECTION_DEFAULTS = {"show_to_families": True}
PAGE_DEFAULTS = {"footer_order": 0, "show_in_footer": True, "show_to_families": True}


def export(folder, **options):
    out = StringIO()
    call_command("export_content", str(folder), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def filled_in(data, defaults):
    return {**defaults, **{key: value for key, value in data.items() if value not in ("", None)}}


def as_read(content_dir):
    """Everything the reader gets from a content folder, with the loader's defaults filled in."""
    content_dir = Path(content_dir)
    leaflets = []
    for leaflet in read_leaflets(content_dir):
        questions = [filled_in(question, SECTION_DEFAULTS) for question in leaflet.pop("questions")]
        texts = {name: leaflet[name].strip() for name in LEAFLET_TEXTS if leaflet.get(name)}
        leaflets.append({**filled_in({**leaflet, **texts}, LEAFLET_DEFAULTS), "questions": questions})
    boards = read_list(content_dir / "boards.yaml", ["key"])
    return {
        "leaflets": leaflets,
        # The loader strips the address, so trailing line breaks never reach the database.
        "boards": [
            filled_in({**board, "address_lines": board["address_lines"].strip()}, {}) for board in boards
        ],
        "guidance": [filled_in(link, {}) for link in read_list(content_dir / "guidance.yaml", ["key"])],
        "pages": sorted(
            (filled_in(p, PAGE_DEFAULTS) for p in read_pages(content_dir)), key=lambda p: p["slug"]
        ),
    }


def public_paths():
    leaflets = [leaflet.get_absolute_url() for leaflet in Leaflet.objects.published_list()]
    pages = [f"/{slug}/" for slug in Page.objects.order_by("slug").values_list("slug", flat=True)]
    return [*leaflets, *pages]


def what_families_read(paths):
    """Each page's status, visible text and link targets, leaving out when it was last published."""
    client, seen = Client(), {}
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            seen[path] = response.status_code
            continue
        html = page(response)
        for published_on in html.select(".last-updated, .print-footer"):
            published_on.decompose()
        main, footer = html.select_one("main"), html.select_one("footer")
        seen[path] = {
            "main": text_of(main),
            "anchors": [element["id"] for element in main.select("[id]")],
            "footer": text_of(footer),
        }
    return seen


def clear_the_site():
    for model in (Question, Leaflet, Board, GuidanceLink, Page, PublishedCopy, SeededItem):
        model.objects.all().delete()


def test_exporting_the_loaded_site_reproduces_the_content_folder(leaflet_content, tmp_path):
    export(tmp_path / "export")

    assert as_read(tmp_path / "export") == as_read(settings.CONTENT_DIR)


def test_a_site_rebuilt_from_the_export_shows_families_the_same_pages(leaflet_content, tmp_path):
    leaflet = Leaflet.objects.get()
    question = leaflet.questions.get(anchor="what-is-the-lscb")
    question.answer = (
        "The **LSCB** is a partnership.\n\nIt brings agencies together – and keeps children safe.\n"
    )
    question.save()
    Question.objects.create(
        leaflet=leaflet,
        question="Can I bring someone with me?",
        answer="Yes, a friend or relative.",
        order=15,
    )
    Board.objects.create(
        name="Peterborough Safeguarding Children Board",
        address_lines="Town Hall\r\nBridge Street",
        town="Peterborough",
        postcode="PE1 1HF",
        telephone="01733 747474",
        email="help@peterborough.gov.uk",
        order=30,
    )
    publish_item(leaflet, user=None)
    contact = Page.objects.create(
        title="Contact us", slug="contact-us", body="## Phone\n\nCall us.", footer_order=40
    )
    publish_item(contact, user=None)
    privacy = Page.objects.get(slug="privacy")
    privacy.show_to_families = False
    privacy.save()
    publish_item(privacy, user=None)
    paths = public_paths()
    before = what_families_read(paths)

    export(tmp_path / "export")
    clear_the_site()
    load_content(tmp_path / "export", reset=True)

    assert before["/privacy/"] == 404
    assert "It brings agencies together – and keeps children safe." in before["/"]["main"]
    assert what_families_read(paths) == before


def test_unpublished_drafts_are_not_exported(leaflet_content, tmp_path):
    question = Question.objects.get(anchor="what-is-the-lscb")
    published_answer = question.answer
    question.answer = "A draft nobody has published."
    question.save()
    Page.objects.create(title="Coming soon", slug="coming-soon", body="Not ready.")

    export(tmp_path / "export")

    questions = read_leaflets(tmp_path / "export")[0]["questions"]
    assert questions[0]["answer"] == published_answer
    assert "coming-soon" not in [p["slug"] for p in read_pages(tmp_path / "export")]


def test_a_question_removed_from_the_draft_is_exported_until_the_removal_is_published(
    leaflet_content, tmp_path
):
    # Restoring a version without the question removes it from the draft only.
    with deletions_are_drafts():
        Question.objects.get(anchor="what-is-the-lscb").delete()

    export(tmp_path / "export")

    anchors = [s["anchor"] for s in read_leaflets(tmp_path / "export")[0]["questions"]]
    assert anchors[0] == "what-is-the-lscb"


def test_a_deleted_question_is_not_exported(leaflet_content, tmp_path):
    Question.objects.get(anchor="what-is-the-lscb").delete()

    export(tmp_path / "export")

    anchors = [s["anchor"] for s in read_leaflets(tmp_path / "export")[0]["questions"]]
    assert "what-is-the-lscb" not in anchors


def test_questions_are_numbered_in_their_published_order(leaflet_content, tmp_path):
    Question.objects.filter(anchor="how-long-will-the-review-take").update(order=1)
    publish_item(Leaflet.objects.get(), user=None)

    export(tmp_path / "export")

    questions = tmp_path / "export" / "leaflets" / "serious-case-reviews" / "questions"
    assert sorted(path.name for path in questions.iterdir())[0] == "01-how-long-will-the-review-take.md"


def test_boards_staff_added_get_keys_that_do_not_clash_with_loaded_ones(leaflet_content, tmp_path):
    Board.objects.create(
        name="Peterborough",
        address_lines="Town Hall",
        town="Peterborough",
        postcode="PE1 1HF",
        telephone="01733 747474",
        email="help@peterborough.gov.uk",
        order=30,
    )
    publish_item(Leaflet.objects.get(), user=None)

    export(tmp_path / "export")

    keys = [board["key"] for board in read_list(tmp_path / "export" / "boards.yaml", ["key"])]
    assert keys == ["peterborough", "cambridgeshire", "peterborough-2"]


def test_long_texts_are_written_as_readable_blocks_with_their_punctuation(leaflet_content, tmp_path):
    export(tmp_path / "export")

    boards = (tmp_path / "export" / "boards.yaml").read_text(encoding="utf-8")
    guidance = (tmp_path / "export" / "guidance.yaml").read_text(encoding="utf-8")
    assert "  address_lines: |-\n    1st Floor, Bayard Place\n    Broadway\n" in boards
    assert "title: Working Together to Safeguard Children, 2015 – Chapter 4\n" in guidance
    assert "description: The government's guidance" in guidance


def test_answers_are_written_verbatim_after_their_header(leaflet_content, tmp_path):
    export(tmp_path / "export")

    written = (
        tmp_path / "export" / "leaflets" / "serious-case-reviews" / "questions" / "01-what-is-the-lscb.md"
    )
    answer = Question.objects.get(anchor="what-is-the-lscb").answer
    # The answer is stored without a closing line break; the file ends with exactly one.
    assert not answer.endswith("\n")
    assert written.read_text(encoding="utf-8") == (
        "---\n"
        "question: What is the Local Safeguarding Children Board (LSCB)?\n"
        "anchor: what-is-the-lscb\n"
        "show_to_families: true\n"
        f"---\n{answer}\n"
    )


def test_export_refuses_a_folder_that_is_not_empty(leaflet_content, tmp_path):
    (tmp_path / "notes.txt").write_text("Someone else's file.")

    with pytest.raises(CommandError, match=r"is not empty\. Nothing was written\. .*--force"):
        export(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_force_replaces_only_the_files_the_export_writes(leaflet_content, tmp_path):
    export(tmp_path)
    boards = tmp_path / "boards.yaml"
    boards.write_text("[]\n")
    (tmp_path / "notes.txt").write_text("Someone else's file.")

    export(tmp_path, force=True)

    assert "key: peterborough" in boards.read_text(encoding="utf-8")
    assert (tmp_path / "notes.txt").read_text() == "Someone else's file."


def test_export_warns_about_old_files_that_load_content_would_also_read(leaflet_content, tmp_path):
    stale = tmp_path / "pages" / "old-page.md"
    stale.parent.mkdir()
    stale.write_text("---\ntitle: Old\nslug: old-page\n---\nGone.\n")
    errors = StringIO()

    call_command("export_content", str(tmp_path), force=True, stdout=StringIO(), stderr=errors)

    assert f"load_content would read it: {stale}" in errors.getvalue()


def test_export_lists_the_files_it_wrote(leaflet_content, tmp_path):
    output = export(tmp_path / "export")

    assert f"Wrote {tmp_path / 'export' / 'pages' / 'privacy.md'}" in output
    assert f"Wrote {tmp_path / 'export' / 'boards.yaml'}" in output
    assert output.rstrip().endswith(f"Exported 13 files to {tmp_path / 'export'}.")
