"""Readable differences between two versions of a content item, for staff."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe


@dataclass
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def side_by_side(self):
        """Two columns of lines, with removed words marked <del> and added words <ins>."""
        rows = []
        before_lines, after_lines = self.before.splitlines() or [""], self.after.splitlines() or [""]
        matcher = difflib.SequenceMatcher(a=before_lines, b=after_lines, autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            left, right = before_lines[a1:a2], after_lines[b1:b2]
            for index in range(max(len(left), len(right))):
                old = left[index] if index < len(left) else ""
                new = right[index] if index < len(right) else ""
                if tag == "equal":
                    rows.append((escape(old), escape(new), False))
                else:
                    rows.append((*_mark_words(old, new), True))
        return rows


def _mark_words(old, new):
    old_words, new_words = old.split(" "), new.split(" ")
    left, right = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = " ".join(old_words[a1:a2]), " ".join(new_words[b1:b2])
        if tag == "equal":
            left.append(escape(removed))
            right.append(escape(added))
            continue
        if removed:
            left.append(f"<del>{escape(removed)}</del>")
        if added:
            right.append(f"<ins>{escape(added)}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))  # noqa: S308 (every part is escaped)


def changes_between(model, before, after):
    """FieldChanges for the fields staff edit that differ between two {attname: value} dicts."""
    changes = []
    for field in model._meta.concrete_fields:
        if not field.editable or field.name in {"id", "updated_at"}:
            continue
        old, new = before.get(field.attname), after.get(field.attname)
        if _comparable(old) != _comparable(new):
            label = str(field.verbose_name).capitalize()
            changes.append(FieldChange(label, readable(field, old), readable(field, new)))
    return changes


def readable(field, value):
    """A stored value as a person would write it: names, not numbers; Yes and No; dates in words."""
    if value is None or value == "":
        return ""
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else "(since deleted)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field.get_internal_type() == "DateField":
        day = field.to_python(value)
        return day.strftime("%-d %B %Y")
    return str(value)


def _comparable(value):
    # Dates may come as date objects from a row and as strings from a published copy.
    return "" if value is None else str(value)
