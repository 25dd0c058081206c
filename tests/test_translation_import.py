"""Bringing an agency's file back: drafts for exactly what it translates, or nothing at all."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Revision

from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.drafts.translations import out_of_date
from scr_site.leaflet.exchange.exporting import translation_file
from scr_site.leaflet.exchange.importing import ImportRefused, import_translation
from scr_site.leaflet.models import (
    BoardTranslation,
    GuidanceLinkTranslation,
    InterfaceText,
    Language,
    LeafletTranslation,
    Page,
    PageTranslation,
    PublishedCopy,
    QuestionTranslation,
)

from .xliff_files import edited, exported, filled_in, polish, sources, units

pytestmark = pytest.mark.django_db

TRANSLATIONS = [
    LeafletTranslation,
    QuestionTranslation,
    BoardTranslation,
    GuidanceLinkTranslation,
    PageTranslation,
    InterfaceText,
]


@pytest.fixture
def polish_language(leaflet_content):
    return Language.objects.create(code="pl")


@pytest.fixture
def returned(polish_language):
    """The file as the agency sends it back: every segment translated."""
    return filled_in(exported(polish_language), polish)


def everything_saved():
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in TRANSLATIONS}
    return rows, list(PublishedCopy.objects.order_by("pk").values()), Revision.objects.count()


def translated_text(segment, language):
    """What the site now holds as the translation of `segment`."""
    kind, *rest = segment.split("/")
    if kind == "label":
        return (InterfaceText.objects.get(language=language).texts or {}).get(rest[0], "")
    model = {
        "leaflet": LeafletTranslation,
        "question": QuestionTranslation,
        "board": BoardTranslation,
        "guidance": GuidanceLinkTranslation,
        "page": PageTranslation,
    }[kind]
    row = model.objects.filter(language=language, english_id=int(rest[0])).first()
    return getattr(row, rest[1]) if row else ""


def refused(data, language):
    before = everything_saved()
    with pytest.raises(ImportRefused) as caught:
        import_translation(data, "pl-returned.xlf", user=None, language=language)
    assert everything_saved() == before, "a refused file must save nothing"
    return "\n".join(caught.value.problems)


def page_segment(data, slug):
    return f"page/{Page.objects.get(slug=slug).pk}/body"


# --- a good file --------------------------------------------------------------------------------


def test_an_export_imported_with_every_segment_changed_gives_drafts_for_exactly_those_segments(
    polish_language, returned
):
    english = sources(returned)

    result = import_translation(returned, "pl-returned.xlf", user=None, language=polish_language)

    assert sorted(result.segments) == sorted(english)
    for segment, text in english.items():
        assert translated_text(segment, polish_language) == f"PL {text}".strip(), segment
    # Fields the file did not hold (the leaflet's empty introduction) stay empty: families see English.
    leaflet = LeafletTranslation.objects.get(language=polish_language)
    assert leaflet.introduction == ""
    # Drafts only: nothing in Polish is published.
    assert not PublishedCopy.objects.filter(data__language_id=polish_language.pk).exists()
    assert translation_file(polish_language) is None


def test_a_partly_translated_file_brings_in_only_the_translated_segments(polish_language):
    data = exported(polish_language)
    chosen = [segment for segment in units(data) if segment.startswith("question/")][:3]

    result = import_translation(filled_in(data, polish, only=chosen), "part.xlf", None, polish_language)

    assert sorted(result.segments) == sorted(chosen)
    assert QuestionTranslation.objects.count() == len({segment.split("/")[1] for segment in chosen})
    assert not InterfaceText.objects.exists()


def test_an_import_is_one_version_in_the_history_naming_the_file(polish_language, returned, publisher):
    before = Revision.objects.count()

    import_translation(returned, "../../Agency returned\x00 pl.xlf", user=publisher, language=polish_language)

    assert Revision.objects.count() == before + 1
    revision = Revision.objects.latest("pk")
    assert revision.comment == "Imported from the translation file “Agency returned pl.xlf”."
    assert revision.user == publisher
    assert revision.version_set.count() == sum(model.objects.count() for model in TRANSLATIONS)


def test_a_translation_of_english_that_has_changed_since_stays_out_of_date(polish_language, question):
    data = exported(polish_language)
    old_english = question.answer
    question.answer = "Most reviews now take about a year."
    question.save()
    publish_item(question, user=None)

    import_translation(filled_in(data, polish), "old.xlf", None, polish_language)

    row = QuestionTranslation.objects.get(english=question, language=polish_language)
    assert row.answer == f"PL {old_english}"
    assert row.translated_from["answer"] == old_english
    assert out_of_date(row) is not None
    assert f"question/{question.pk}/answer" in units(exported(polish_language))


def test_importing_again_replaces_the_drafts(polish_language, returned):
    import_translation(returned, "first.xlf", None, polish_language)
    second = filled_in(returned, lambda segment, english: "Drugi " + english)

    import_translation(second, "second.xlf", None, polish_language)

    assert LeafletTranslation.objects.get().title.startswith("Drugi ")
    assert Revision.objects.filter(comment__contains="second.xlf").exists()


def test_a_heading_split_over_lines_by_the_agencys_tool_is_joined_up(polish_language, question):
    segment = f"question/{question.pk}/question"
    data = filled_in(
        exported(polish_language), lambda s, english: "Jak długo\n   potrwa\tprzegląd?", [segment]
    )

    import_translation(data, "pl.xlf", None, polish_language)

    assert translated_text(segment, polish_language) == "Jak długo potrwa przegląd?"


def test_a_region_code_for_the_same_language_is_accepted(polish_language, returned):
    data = edited(returned, lambda text: text.replace('"pl"', '"pl-PL"'))

    import_translation(data, "pl.xlf", None, polish_language)

    assert LeafletTranslation.objects.filter(language=polish_language).exists()


# --- files that are refused, whole --------------------------------------------------------------


def test_an_unknown_segment_is_refused_by_name(polish_language, returned, question):
    data = edited(
        returned,
        lambda text: text.replace(f'id="question/{question.pk}/answer"', 'id="question/99999/answer"'),
    )

    problems = refused(data, polish_language)

    assert "question/99999/answer: there is no question 99999 on this site" in problems


@pytest.mark.parametrize(
    "bad_id, problem",
    [
        ("label/no_such_label", "there is no interface label called “no_such_label”"),
        ("question/twelve/answer", "this is not a segment id the site makes"),
        ("board/1/telephone", "a board has no text called “telephone” to translate"),
        ("../../etc/passwd", "this is not a segment id the site makes"),
        (
            "question/99999999999999999999999/answer",
            "there is no question 99999999999999999999999 on this site",
        ),
    ],
)
def test_a_segment_id_the_site_does_not_make_is_refused(polish_language, returned, bad_id, problem):
    data = edited(returned, lambda text: text.replace('id="label/contents"', f'id="{bad_id}"', 1))

    assert f"{bad_id}: {problem}" in refused(data, polish_language)


def test_a_file_for_another_language_is_refused(polish_language, returned):
    data = edited(returned, lambda text: text.replace('target-language="pl"', 'target-language="de"'))

    assert "The file is for the language “de”, not Polski (pl)." in refused(data, polish_language)


def test_a_segment_marked_as_another_language_is_refused_by_name(polish_language, returned, question):
    segment = f"question/{question.pk}/answer"
    start = returned.decode().index(f'id="{segment}"')

    def relabel(text):
        before, after = text[:start], text[start:]
        return before + after.replace('<target xml:lang="pl"', '<target xml:lang="de"', 1)

    assert f"{segment}: its translation is marked as “de”, not pl" in refused(
        edited(returned, relabel), polish_language
    )


def test_a_translation_that_lost_a_link_is_refused_by_name(polish_language):
    data = exported(polish_language)
    segment = page_segment(data, "accessibility")
    without_link = filled_in(
        data,
        lambda s, english: (
            "PL " + english.replace("[AbilityNet](https://mcmw.abilitynet.org.uk/)", "AbilityNet")
        ),
    )

    problems = refused(without_link, polish_language)

    assert f"{segment}: the link to https://mcmw.abilitynet.org.uk/ is missing" in problems


def test_a_translation_that_adds_a_link_is_refused_by_name(polish_language, question):
    segment = f"question/{question.pk}/answer"
    data = filled_in(
        exported(polish_language), lambda s, english: english + " [Więcej](https://example.com/)", [segment]
    )

    assert f"{segment}: it adds a link to https://example.com/" in refused(data, polish_language)


def test_a_javascript_link_is_refused(polish_language, question):
    segment = f"question/{question.pk}/answer"
    data = filled_in(
        exported(polish_language), lambda s, english: english + " [tutaj](javascript:alert(1))", [segment]
    )

    assert f"{segment}: it adds a link whose address the site does not allow" in refused(
        data, polish_language
    )


def test_a_translation_that_lost_a_bold_term_is_refused_by_name(polish_language):
    data = exported(polish_language)
    segment = page_segment(data, "leave-this-site-quickly")
    unbolded = filled_in(data, lambda s, english: english.replace("**Chrome**", "Chrome"), [segment])

    assert f"{segment}: it has " in refused(unbolded, polish_language)
    assert "bold terms (**…**) where the English has" in refused(unbolded, polish_language)


def test_a_translation_that_lost_a_list_item_is_refused_by_name(polish_language):
    data = exported(polish_language)
    segment = page_segment(data, "accessibility")
    shorter = filled_in(
        data, lambda s, english: english.replace("- use the website without JavaScript\n", ""), [segment]
    )

    assert f"{segment}: it has 10 list items where the English has 11" in refused(shorter, polish_language)


def test_a_translation_that_lost_a_placeholder_is_refused_by_name(polish_language):
    data = filled_in(
        exported(polish_language), lambda s, e: "Zaktualizowano dnia.", ["label/english_updated"]
    )

    assert "label/english_updated: keep {date} exactly as it is" in refused(data, polish_language)


def test_a_translation_over_its_length_limit_is_refused_by_name(polish_language):
    data = filled_in(
        exported(polish_language), lambda s, e: "Opuść tę stronę natychmiast!", ["label/exit_page"]
    )

    assert "label/exit_page: it is 28 characters long; the limit here is 24" in refused(data, polish_language)


def test_every_problem_in_a_file_is_listed(polish_language, question):
    data = exported(polish_language)
    segments = ["label/exit_page", f"question/{question.pk}/answer"]
    bad = filled_in(
        data, lambda s, e: "x" * 30 if s == "label/exit_page" else e + " [a](https://a.example/)", segments
    )

    problems = refused(bad, polish_language)

    assert all(segment in problems for segment in segments)


def test_a_segment_in_the_file_twice_is_refused(polish_language, returned, question):
    text = returned.decode()
    unit_start = text.index('<trans-unit id="label/contents"')
    unit = text[unit_start : text.index("</trans-unit>", unit_start) + len("</trans-unit>")]
    data = text.replace(unit, unit + unit).encode()

    assert "label/contents: this segment is in the file twice" in refused(data, polish_language)


def test_english_edited_in_the_file_is_refused(polish_language, returned, question):
    segment = f"question/{question.pk}/answer"
    data = edited(returned, lambda text: text.replace(question.answer.split(".")[0], "Reviews are quick", 1))

    assert f"{segment}: the English in the file is not the English of this text" in refused(
        data, polish_language
    )


def test_tags_inside_a_translation_are_refused(polish_language, returned):
    data = edited(returned, lambda text: text.replace(">PL Contents<", '><g id="1">PL Contents</g><', 1))

    assert "label/contents: the translation contains XML tags" in refused(data, polish_language)


def test_a_file_with_no_translations_in_it_is_refused(polish_language):
    assert "nothing to bring in" in refused(exported(polish_language), polish_language)


def test_a_file_that_is_not_xml_is_refused(polish_language, returned):
    problems = refused(returned[:-200], polish_language)

    assert problems.startswith("The file is not valid XML (the problem is at line")


def test_an_xml_file_that_is_not_xliff_is_refused(polish_language):
    data = b'<?xml version="1.0"?><html><body>Not a translation</body></html>'

    assert "not an XLIFF 1.2 file" in refused(data, polish_language)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="x" source-language="en" target-language="pl" datatype="plaintext"><body>
    <trans-unit id="label/contents"><source>Contents</source><target>&lol4;</target></trans-unit>
  </body></file>
</xliff>"""

EXTERNAL_ENTITY = BILLION_LAUGHS.replace(b'<!ENTITY lol "lol">', b'<!ENTITY lol SYSTEM "file:///etc/passwd">')


@pytest.mark.parametrize(
    "data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["entity expansion", "external entity"]
)
def test_xml_entities_are_never_expanded(polish_language, data):
    assert "document type declaration" in refused(data, polish_language)


def test_a_huge_file_is_refused_before_it_is_read(polish_language, returned):
    huge = returned.replace(b"</xliff>", b"<!--" + b"x" * (3 * 1024 * 1024) + b"--></xliff>")

    assert "The file is 3." in refused(huge, polish_language)


def test_a_file_with_far_more_segments_than_the_site_has_is_refused(polish_language):
    unit = '<trans-unit id="label/contents"><source>Contents</source><target>Spis</target></trans-unit>'
    data = (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        'source-language="en" target-language="pl" datatype="plaintext">'
        f"<body>{unit * 5001}</body></file></xliff>"
    ).encode()

    assert "The file has 5001 segments, far more than this site has" in refused(data, polish_language)


def test_a_test_language_takes_no_files(leaflet_content):
    from scr_site.leaflet.pseudo import pseudo_translate

    pseudo_translate()
    language = Language.objects.get(code="en-xa")
    data = (
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        b'source-language="en" target-language="en-xa" datatype="plaintext"><body/></file></xliff>'
    )

    assert "is a test language" in refused(data, language)


# --- hostile text that is allowed through is cleaned like everything else ----------------------


def test_scripts_in_an_imported_answer_never_reach_the_page(polish_language, question):
    segment = f"question/{question.pk}/answer"
    hostile = (
        '<script>alert(1)</script><img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>'
    )
    data = filled_in(exported(polish_language), lambda s, english: f"{english}\n\n{hostile}", [segment])

    import_translation(data, "pl.xlf", None, polish_language)

    html = QuestionTranslation.objects.get(english=question).answer_html
    assert "<script" not in html and "<iframe" not in html and "<img" not in html
    assert "alert" not in html
    assert question.answer_html.replace("</p>", "") in html


def test_a_heading_with_markup_in_it_is_kept_as_plain_text(polish_language, question):
    segment = f"question/{question.pk}/question"
    data = filled_in(exported(polish_language), lambda s, e: "<b onmouseover=alert(1)>Pytanie</b>", [segment])

    import_translation(data, "pl.xlf", None, polish_language)

    # Headings are never rendered as HTML: templates escape them.
    assert QuestionTranslation.objects.get(english=question).question == "<b onmouseover=alert(1)>Pytanie</b>"


# --- the command -----------------------------------------------------------------------------------


def test_import_translation_brings_the_file_in_as_drafts(polish_language, returned, tmp_path):
    path = tmp_path / "pl-returned.xlf"
    path.write_bytes(returned)
    out = StringIO()

    call_command("import_translation", str(path), stdout=out)

    assert f"Imported {len(units(returned))} segments" in out.getvalue()
    assert "Nothing is published" in out.getvalue()
    assert LeafletTranslation.objects.filter(language=polish_language).exists()


def test_import_translation_lists_the_problems_and_saves_nothing(
    polish_language, returned, tmp_path, question
):
    path = tmp_path / "pl-returned.xlf"
    path.write_bytes(
        edited(returned, lambda text: text.replace(f'"question/{question.pk}/answer"', '"question/0/answer"'))
    )

    with pytest.raises(CommandError) as caught:
        call_command("import_translation", str(path), stdout=StringIO())

    assert "nothing was imported" in str(caught.value)
    assert "  - question/0/answer: there is no question 0 on this site" in str(caught.value)
    assert not QuestionTranslation.objects.exists()


def test_import_translation_refuses_a_file_for_a_language_the_site_does_not_have(leaflet_content, tmp_path):
    Language.objects.create(code="pl")
    data = filled_in(exported(Language.objects.get(code="pl")), polish)
    Language.objects.all().delete()
    path = tmp_path / "pl.xlf"
    path.write_bytes(data)

    with pytest.raises(CommandError, match="There is no language “pl” on this site"):
        call_command("import_translation", str(path), stdout=StringIO())


def test_import_translation_checks_the_language_it_is_told(polish_language, returned, tmp_path):
    Language.objects.create(code="ur")
    path = tmp_path / "pl.xlf"
    path.write_bytes(returned)

    with pytest.raises(CommandError, match="not اردو"):
        call_command("import_translation", str(path), language="ur", stdout=StringIO())
    assert not LeafletTranslation.objects.exists()


def test_import_translation_names_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="file not found"):
        call_command("import_translation", str(tmp_path / "nowhere.xlf"), stdout=StringIO())
