"""Reading and filling in translation files in tests, as a translation agency's tool would."""

import xml.etree.ElementTree as ET  # noqa: S405 - only to write files; they are read with defusedxml

import defusedxml.ElementTree as SafeET

from scr_site.leaflet.exchange.exporting import translation_file

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def q(tag):
    return f"{{{NS}}}{tag}"


def exported(language):
    found = translation_file(language)
    assert found is not None, "nothing to translate"
    return found.content


def file_element(data):
    return SafeET.fromstring(data).find(q("file"))


def units(data):
    """{segment id: <trans-unit>} of a file."""
    root = SafeET.fromstring(data)
    return {unit.get("id"): unit for unit in root.iter(q("trans-unit"))}


def sources(data):
    return {segment: unit.find(q("source")).text or "" for segment, unit in units(data).items()}


def notes(data, segment):
    return [note.text for note in units(data)[segment].findall(q("note"))]


def filled_in(data, translate, only=None):
    """The file with each <target> (or those in `only`) set to translate(segment id, English)."""
    ET.register_namespace("", NS)
    root = SafeET.fromstring(data)
    for unit in root.iter(q("trans-unit")):
        if only is not None and unit.get("id") not in only:
            continue
        unit.find(q("target")).text = translate(unit.get("id"), unit.find(q("source")).text or "")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def polish(segment, english):
    """A stand-in translation that keeps every link, bold term and list item of the English."""
    return "PL " + english


def edited(data, change):
    """The file's text changed by change(text): a tampered file."""
    return change(data.decode("utf-8")).encode("utf-8")
