"""How both exporters write the content/ format: YAML and Markdown files, and names that last.

The English export (export.py) and the translations' (translation_export.py) share these:
the YAML style of the hand-written files, the `key` load_content recognises a listed item
by, and each question's anchor and file name, so a translation's file sits beside the
English it translates.
"""

import yaml
from django.utils.text import slugify

from ..models import Question
from ..models.published import published_items

# Long answers and descriptions stay on one line, as in content/, rather than being folded.
_NO_WRAPPING = 1_000_000


class _Dumper(yaml.SafeDumper):
    """A safe dumper of its own, so other users of PyYAML keep the default styles."""


def _represent_str(dumper, text):
    if "\n" in text:
        # Browsers send CRLF from text boxes; a "\r" would force YAML into an escaped
        # one-line string, and Markdown reads both line endings the same.
        return dumper.represent_scalar("tag:yaml.org,2002:str", text.replace("\r\n", "\n"), style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data):
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_NO_WRAPPING)


def without_empty(data):
    """Optional keys are left out rather than written as empty, as in the hand-written files."""
    return {key: value for key, value in data.items() if value not in ("", None)}


def markdown_file(header, body):
    body = body if body.endswith("\n") else body + "\n"
    return f"---\n{dump_yaml(header)}---\n{body}"


def _unique(candidate, taken):
    key, number = candidate, 2
    while key in taken:
        key, number = f"{candidate}-{number}", number + 1
    taken.add(key)
    return key


def _source_keys(model, instances):
    return dict(model.objects.filter(pk__in=[item.pk for item in instances]).values_list("pk", "source_key"))


def list_keys(model, instances, prefix, name_of):
    """The `key` for each item: the one it was loaded under, so reloading the export finds the same rows.

    Items staff added have no such key and get one made from their name. Loaded keys are
    taken first, so a made-up key never claims one a loaded item needs.
    """
    source_keys = _source_keys(model, instances)
    keys, taken = {}, set()
    for item in instances:
        source_key = source_keys.get(item.pk, "")
        loaded_key = source_key[len(prefix) :] if source_key.startswith(prefix) else ""
        if loaded_key and loaded_key not in taken:
            taken.add(loaded_key)
            keys[item.pk] = loaded_key
    for item in instances:
        if item.pk not in keys:
            keys[item.pk] = _unique(slugify(name_of(item)) or f"{prefix.rstrip(':')}-{item.pk}", taken)
    return [keys[item.pk] for item in instances]


def question_files(leaflet):
    """The leaflet's published questions, each with its anchor and file name: [(question, anchor, name)]."""
    questions = published_items(Question, leaflet_id=leaflet.pk)
    # The reader orders questions by file name, so the number must sort as text too.
    digits = max(2, len(str(len(questions))))
    anchors, found = set(), []
    for position, question in enumerate(questions, start=1):
        anchor = _unique(question.anchor or slugify(question.question) or f"question-{position}", anchors)
        found.append((question, anchor, f"{position:0{digits}d}-{anchor}.md"))
    return found
