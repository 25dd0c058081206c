"""The translated site in Chromium: each language's pages, both pseudo-translations, right to left and print.

Polish and Urdu are translations the tests write themselves (a few items each, the rest
falling back to English); the pseudo-translations are made by `pseudo_translate` from all
the English, and seen through their previews, since they are never published.
"""

import io
import json
import re
import shutil
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from pypdf import PdfReader

from scr_site.leaflet.drafts.preview import preview_url
from scr_site.leaflet.models import Language, LeafletTranslation, PageTranslation, QuestionTranslation

from ..translations import URDU_QUESTION, translate
from .conftest import PAGE_HELPERS, WIDTH_IDS, WIDTHS
from .staff_browser import make_staff, signed_in_context
from .test_accessibility import AXE_OPTIONS, describe_violations
from .test_html_validity import VNU_JAR, describe

pytestmark = pytest.mark.browser

PUBLIC = ["/pl/", "/pl/privacy/", "/pl/leave-this-site-quickly/", "/ur/", "/ur/leave-this-site-quickly/"]
EXPECTED = {
    "pl": ("pl", "ltr"),
    "ur": ("ur", "rtl"),
    "en-xa": ("en-xa", "ltr"),
    "ar-xb": ("ar-xb", "rtl"),
}


@pytest.fixture
def languages(site_url):
    translate("pl")
    urdu = translate("ur")
    QuestionTranslation.objects.filter(language=urdu).update(question=URDU_QUESTION)
    from scr_site.leaflet.drafts.publishing import publish_item

    publish_item(LeafletTranslation.objects.get(language=urdu), user=None)
    call_command("pseudo_translate", verbosity=0)
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    previews = {}
    for code in ("en-xa", "ar-xb"):
        language = Language.objects.get(code=code)
        previews[f"{code} leaflet"] = preview_url(LeafletTranslation.objects.get(language=language))
        safety = PageTranslation.objects.get(language=language, english__slug="leave-this-site-quickly")
        previews[f"{code} safety page"] = preview_url(safety)
    return {"publisher": publisher, "previews": previews}


def all_pages(languages):
    return [(path, path) for path in PUBLIC] + list(languages["previews"].items())


def open_as(new_context, site_url, languages, width, staff):
    context = (
        signed_in_context(new_context, site_url, languages["publisher"], width)
        if staff
        else new_context(width)
    )
    return context.new_page()


def language_of(name):
    return next(code for code in ("ar-xb", "en-xa", "pl", "ur") if name.strip("/").startswith(code))


@pytest.mark.parametrize("width", WIDTHS, ids=WIDTH_IDS)
def test_every_language_has_its_lang_and_dir_no_axe_violations_and_no_sideways_scroll(
    new_context, site_url, languages, width
):
    problems = []
    for name, path in all_pages(languages):
        page = open_as(new_context, site_url, languages, width, staff=path.startswith("/preview/"))
        response = page.goto(site_url + path)
        assert response.status == 200, f"{name}: {response.status}"
        lang, direction = EXPECTED[language_of(name)]
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
            lang,
            direction,
        ]
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name}:\n{describe_violations(violations)}")
        page.evaluate(PAGE_HELPERS)
        overflow = page.evaluate("() => window.__reading.horizontalOverflow()")
        if overflow["scrollWidth"] > overflow["clientWidth"]:
            problems.append(f"{name}: scrolls sideways: {overflow['outside'][:3]}")
    assert not problems, "\n".join(problems)


def test_every_language_is_valid_html(new_context, site_url, languages, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: apt-get install default-jre-headless (`make test` does this)")
    files = {}
    for name, path in all_pages(languages):
        page = open_as(new_context, site_url, languages, 1280, staff=path.startswith("/preview/"))
        page.goto(site_url + path, wait_until="load")
        # The page as the server sent it, before any script ran.
        html = page.request.get(site_url + path).text()
        file = tmp_path / (re.sub(r"[^a-z0-9]+", "-", name) + ".html")
        file.write_text(html)
        files[file.name] = name
    checker = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checker.stderr)["messages"]
    assert not messages, "\n".join(
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1], '?')}: {describe(m)}" for m in messages
    )


def test_right_to_left_mirrors_the_page_and_keeps_telephone_numbers_left_to_right(
    new_context, site_url, languages
):
    page = new_context(1280).new_page()
    page.goto(site_url + "/")
    english_exit = page.locator("[data-exit-link]").bounding_box()
    page.goto(site_url + "/ur/")
    urdu_exit = page.locator("[data-exit-link]").bounding_box()

    # In English the exit button is at the left; in Urdu it is mirrored to the right.
    assert english_exit["x"] < 640
    assert urdu_exit["x"] + urdu_exit["width"] > 640
    for link in page.locator(".boards a[href^='tel:']").all():
        assert link.evaluate("element => getComputedStyle(element).direction") == "ltr"
        assert re.fullmatch(r"[\d ]+", link.inner_text())


def test_every_language_prints_on_at_most_four_pages_contacts_last(new_context, site_url, languages, capsys):
    telephones = ("01733863765", "01480373522")
    leaflets = {
        "English": "/",
        "pl": "/pl/",
        "ur": "/ur/",
        "en-xa": languages["previews"]["en-xa leaflet"],
        "ar-xb": languages["previews"]["ar-xb leaflet"],
    }
    page = open_as(new_context, site_url, languages, 1280, staff=True)
    page.emulate_media(media="print")
    counts, problems = {}, []
    for name, path in leaflets.items():
        page.goto(site_url + path)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        printed = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
        counts[name] = len(printed)
        if len(printed) > 4:
            problems.append(f"{name}: {len(printed)} pages")
        if not all(telephone in printed[-1] for telephone in telephones):
            problems.append(f"{name}: the contacts are not on the last page")
        if any(telephone in "".join(printed[:-1]) for telephone in telephones):
            problems.append(f"{name}: a telephone number is printed before the last page")

    with capsys.disabled():
        print("\nprinted A4 pages: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    assert not problems, "\n".join(problems)


def test_the_exit_shortcut_speaks_the_pages_language(new_context, site_url, languages):
    page = new_context(1280).new_page()
    page.goto(site_url + "/pl/")
    page.keyboard.press("Shift")
    status = page.locator("[data-exit-status]")
    # Polish has no translation of this message yet: the English one is read out.
    assert status.inner_text() == "Shift, press 2 more times to exit."
