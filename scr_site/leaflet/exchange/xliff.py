"""XLIFF 1.2 files: written with the standard library, read with defusedxml.

XLIFF 1.2 is what translation agencies' tools (Trados, memoQ, Phrase, OmegaT) read and
write natively. It has a standard place for everything a translator needs here: the
languages on <file>, the English in <source>, where the text appears in <note>, a length
limit the tools enforce while the translator types (maxwidth, size-unit="char"), and an
earlier translation in <alt-trans>, offered as a match.

A returned file comes from outside, so it is read by defusedxml, which refuses DTDs,
entity declarations and external references (the "billion laughs" and XXE attacks)
before anything is expanded.
"""

import re
import xml.etree.ElementTree as ET  # noqa: S405 - used only to write files; reading uses defusedxml
from dataclasses import dataclass

import defusedxml
import defusedxml.ElementTree as SafeET
from django.utils import timezone

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SOURCE_LANGUAGE = "en"
MEDIA_TYPE = "application/x-xliff+xml"
INSTRUCTIONS = (
    "Each segment is one piece of text from the website, with the English in <source>. Put the "
    "translation in <target>; leave it empty to send none. The note on each segment says where the text "
    "appears and any length limit. Some texts are written in Markdown: keep every **bold term**, every "
    "[link](address) with its address unchanged, every list item and every # heading mark, and translate "
    "only the words. Keep anything in curly brackets, such as {date}, exactly as it is. Never change a "
    "segment's id."
)


def _q(tag):
    return f"{{{NS}}}{tag}"


def write(language_code, segments, original):
    """The XLIFF 1.2 file, as UTF-8 bytes, asking for `segments` in `language_code`."""
    ET.register_namespace("", NS)
    root = ET.Element(_q("xliff"), {"version": "1.2"})
    file = ET.SubElement(
        root,
        _q("file"),
        {
            "original": original,
            "source-language": SOURCE_LANGUAGE,
            "target-language": language_code,
            "datatype": "plaintext",
            "date": timezone.now().replace(microsecond=0).isoformat(),
        },
    )
    ET.SubElement(ET.SubElement(file, _q("header")), _q("note")).text = INSTRUCTIONS
    body = ET.SubElement(file, _q("body"))
    for segment in segments:
        attributes = {"id": segment.id, "resname": segment.id, XML_SPACE: "preserve"}
        if segment.place.limit:
            attributes.update(maxwidth=str(segment.place.limit), **{"size-unit": "char"})
        unit = ET.SubElement(body, _q("trans-unit"), attributes)
        ET.SubElement(unit, _q("source"), {XML_LANG: SOURCE_LANGUAGE}).text = segment.english
        ET.SubElement(unit, _q("target"), {XML_LANG: language_code, "state": "needs-translation"})
        ET.SubElement(unit, _q("note"), {"from": "website"}).text = segment.note
        if segment.translation_before:
            ET.SubElement(unit, _q("note"), {"from": "website"}).text = (
                "The English has changed since this was last translated; the earlier translation, "
                "and the English it was made from, are given as an alternative translation."
            )
            earlier = ET.SubElement(unit, _q("alt-trans"), {"origin": "earlier translation"})
            ET.SubElement(earlier, _q("source"), {XML_LANG: SOURCE_LANGUAGE}).text = segment.english_before
            ET.SubElement(earlier, _q("target"), {XML_LANG: language_code}).text = segment.translation_before
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


class UnreadableFile(Exception):
    """The file is not an XLIFF 1.2 file the site can read; the message says why."""


@dataclass
class Unit:
    """One <trans-unit> of a returned file."""

    number: int
    id: str
    source: str
    target: str | None
    target_language: str
    file_language: str
    has_markup: bool


@dataclass
class ReturnedFile:
    source_languages: set
    target_languages: set
    units: list


def _text(element):
    return "".join(element.itertext()).replace("\r\n", "\n") if element is not None else None


def read(data):
    """The units of an XLIFF 1.2 file, as bytes; UnreadableFile if it is not one, or is unsafe."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DTDForbidden:
        raise UnreadableFile(
            "The file contains a document type declaration (<!DOCTYPE …>). Translation files never need "
            "one, and the site does not read files that have one."
        ) from None
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise UnreadableFile(
            "The file declares its own XML entities or refers to other files, which the site does not read."
        ) from None
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise UnreadableFile(
            f"The file is not valid XML (the problem is at line {line}, character {column}). "
            "Check it is the file the agency returned, unchanged."
        ) from None
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise UnreadableFile(
            "The file is not an XLIFF 1.2 file: export a file from this site to see the format."
        )
    files = root.findall(_q("file"))
    if not files:
        raise UnreadableFile("The file has no <file> element, so no languages and no segments.")
    returned = ReturnedFile(set(), set(), [])
    for file in files:
        returned.source_languages.add(_language(file.get("source-language")))
        file_language = _language(file.get("target-language"))
        returned.target_languages.add(file_language)
        for unit in file.iter(_q("trans-unit")):
            target = unit.find(_q("target"))
            returned.units.append(
                Unit(
                    number=len(returned.units) + 1,
                    id=unit.get("id") or "",
                    source=_text(unit.find(_q("source"))) or "",
                    target=_text(target),
                    target_language=_language(target.get(XML_LANG)) if target is not None else "",
                    file_language=file_language,
                    has_markup=target is not None and len(target) > 0,
                )
            )
    return returned


def _language(code):
    return (code or "").strip().lower().replace("_", "-")


_REGION = re.compile(r"^([a-z]{2}|[0-9]{3})$")


def same_language(code_in_file, language_code):
    """Whether a file's language code means `language_code`: pl, or pl-PL for a region's Polish."""
    code = _language(code_in_file)
    if code == language_code:
        return True
    rest = code[len(language_code) + 1 :]
    return code.startswith(language_code + "-") and bool(_REGION.match(rest))
