"""Reading the leaflet's source files in content/ into plain dictionaries.

content/
    boards.yaml                    the boards' contact details, in order
    guidance.yaml                  the guidance links, in order
    leaflets/<slug>/leaflet.yaml   a leaflet's title and its longer texts
    leaflets/<slug>/questions/*.md its questions, in file-name order: a YAML header
                                   between '---' lines, then the answer in Markdown
                                   (exports from older versions call the folder sections/)
    pages/*.md                     pages such as the accessibility statement: a YAML
                                   header, then the page's text in Markdown

Translations sit beside what they translate, in translations/<code>/ folders: see
translation_files.py.
"""

from pathlib import Path

import yaml


class ContentError(Exception):
    """A file in content/ is missing or malformed; the message names the file."""


def load_yaml(path):
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: file not found") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML ({error})") from None


def require(data, keys, path):
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected a set of 'name: value' lines")
    missing = [key for key in keys if not data.get(key)]
    if missing:
        raise ContentError(f"{path}: missing {', '.join(missing)}")
    return data


def read_front_matter(path):
    """Split a Markdown file into its YAML header and its body."""
    text = Path(path).read_text(encoding="utf-8")
    parts = text.split("---\n", 2)
    if len(parts) != 3 or parts[0].strip():
        raise ContentError(f"{path}: must start with a header between two '---' lines")
    try:
        header = yaml.safe_load(parts[1])
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: header is not valid YAML ({error})") from None
    return header, parts[2].strip()


def read_list(path, required):
    items = load_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: expected a list of items, each starting with '- key:'")
    return [require(item, required, path) for item in items]


def read_leaflets(content_dir):
    leaflets = []
    root = Path(content_dir, "leaflets")
    if not root.is_dir():
        raise ContentError(f"{root}: folder not found")
    for folder in sorted(root.iterdir()):
        if not folder.is_dir():
            continue
        path = folder / "leaflet.yaml"
        leaflet = require(load_yaml(path), ["slug", "title"], path)
        leaflet["questions"] = []
        questions_folder = folder / "questions"
        if not questions_folder.is_dir():
            questions_folder = folder / "sections"
        for question_path in sorted(questions_folder.glob("*.md")):
            header, answer = read_front_matter(question_path)
            question = require(header, ["question", "anchor"], question_path)
            question["answer"] = answer
            leaflet["questions"].append(question)
        leaflets.append(leaflet)
    return leaflets


def shown(data):
    """Whether a file says its item is shown to families (`show_to_families`, once called `published`)."""
    return bool(data.get("show_to_families", data.get("published", True)))


def read_pages(content_dir):
    pages = []
    for path in sorted(Path(content_dir, "pages").glob("*.md")):
        header, body = read_front_matter(path)
        page = require(header, ["title", "slug"], path)
        page["body"] = body
        pages.append(page)
    return pages
