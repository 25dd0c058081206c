"""Writing what families currently see back out in the content/ format.

The result can be reviewed in git, copied over content/, or given to `load_content`
to rebuild a site. Only published copies are read: a draft nobody has published is
not yet part of the leaflet. The English is written here, each language by
translation_export.py, both with the helpers in writing.py.
"""

from pathlib import Path

from django.db import transaction

from ..models import Board, GuidanceLink, Leaflet, Page
from ..models.published import published_items
from .translation_export import translation_files
from .translation_files import translation_files_in
from .writing import dump_yaml, list_keys, markdown_file, question_files, without_empty

# Whoever edits an export must not rename what load_content matches rows on.
_KEY_NOTE = '# "key" is how load_content recognises an item it has loaded before; never change it.\n'
_LEAFLET_NOTE = (
    "# Its questions are the files in questions/, shown in file-name order.\n"
    '# "slug" is how load_content recognises this leaflet; never change it here.\n'
)


def _leaflet_files(leaflet):
    folder = f"leaflets/{leaflet.slug}"
    header = {
        "slug": leaflet.slug,
        "title": leaflet.title,
        "home_page": leaflet.is_home_page,
        "show_to_families": leaflet.show_to_families,
        "introduction": leaflet.introduction,
        "closing_text": leaflet.closing_text,
        "further_reading": leaflet.further_reading,
        "last_reviewed": leaflet.last_reviewed_on,
        "review_contact": leaflet.review_contact,
    }
    files = {f"{folder}/leaflet.yaml": _LEAFLET_NOTE + dump_yaml(without_empty(header))}
    for question, anchor, name in question_files(leaflet):
        header = {
            "question": question.question,
            "anchor": anchor,
            "show_to_families": question.show_to_families,
        }
        files[f"{folder}/questions/{name}"] = markdown_file(header, question.answer)
    return files


def _page_file(page):
    header = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "footer_order": page.footer_order,
        "show_in_footer": page.show_in_footer,
        "show_to_families": page.show_to_families,
        "last_reviewed": page.last_reviewed_on,
        "review_contact": page.review_contact,
    }
    return {f"pages/{page.slug}.md": markdown_file(without_empty(header), page.body)}


def _boards_file():
    boards = published_items(Board)
    keys = list_keys(Board, boards, "board:", lambda board: board.name)
    items = [
        without_empty(
            {
                "key": key,
                "name": board.name,
                "address_lines": board.address_lines,
                "town": board.town,
                "postcode": board.postcode,
                "telephone": board.telephone,
                "email": board.email,
                "website": board.website,
            }
        )
        for key, board in zip(keys, boards, strict=True)
    ]
    return {"boards.yaml": _KEY_NOTE + dump_yaml(items)}


def _guidance_file():
    links = published_items(GuidanceLink)
    keys = list_keys(GuidanceLink, links, "guidance:", lambda link: link.title)
    items = [
        without_empty({"key": key, "title": link.title, "url": link.url, "description": link.description})
        for key, link in zip(keys, links, strict=True)
    ]
    return {"guidance.yaml": _KEY_NOTE + dump_yaml(items)}


@transaction.atomic
def exported_files():
    """Every file of the export, as {path inside the folder: text}.

    Hidden items are included with `show_to_families: false`, so a site rebuilt from the
    export keeps them hidden instead of losing them.
    """
    files = {}
    for leaflet in published_items(Leaflet):
        files.update(_leaflet_files(leaflet))
    for page in published_items(Page):
        files.update(_page_file(page))
    files.update(_boards_file())
    files.update(_guidance_file())
    files.update(translation_files())
    return files


def write_files(folder, files):
    """Write `files` under `folder`, replacing those paths only; return the paths written."""
    folder = Path(folder)
    # The reader expects both folders even when there is nothing in them.
    for name in ("leaflets", "pages"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def content_files_not_written(folder, written):
    """Files the reader would also pick up from `folder`, left over from something else."""
    folder = Path(folder)
    readable = [
        *folder.glob("leaflets/*/leaflet.yaml"),
        *folder.glob("leaflets/*/questions/*.md"),
        *folder.glob("leaflets/*/sections/*.md"),
        *folder.glob("pages/*.md"),
        *translation_files_in(folder),
    ]
    written = set(written)
    return sorted(path for path in readable if path not in written)
