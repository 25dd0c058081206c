"""The file a translation agency is sent: every segment a language still needs."""

from dataclasses import dataclass

from django.utils import timezone

from . import xliff
from .segments import segments_to_translate

ORIGINAL = "scr-site"


@dataclass
class ExportFile:
    name: str
    content: bytes
    segments: int


def translation_file(language):
    """The XLIFF file of what `language` still needs, or None when it needs nothing."""
    segments = segments_to_translate(language)
    if not segments:
        return None
    name = f"{ORIGINAL}-{language.code}-{timezone.localdate():%Y-%m-%d}.xlf"
    return ExportFile(name, xliff.write(language.code, segments, ORIGINAL), len(segments))
