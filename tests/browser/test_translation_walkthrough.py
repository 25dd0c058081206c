"""A Publisher's whole translation round, in Chromium: a new language to families, then the English moves on.

Turn Polish on, download the file for the agency, bring back the agency's file, publish,
and see the site in Polish; then change an English answer and see the Polish page say so.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Language, LeafletTranslation, Question

from ..xliff_files import filled_in, polish
from .staff_browser import make_staff, signed_in_context

pytestmark = pytest.mark.browser

QUESTION = "How Long Will the Review Take?"


def test_a_publisher_brings_in_polish_and_sees_it_marked_when_the_english_changes(
    new_context, site_url, tmp_path, capsys
):
    steps = []
    publisher = make_staff("pat.publisher", "Pat", "Publisher")
    page = signed_in_context(new_context, site_url, publisher).new_page()
    family = new_context(1280).new_page()

    page.goto(site_url + admin_url(Language, "add"))
    page.get_by_label("Language code").fill("pl")
    page.get_by_label("Offer to families").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved")
    language = Language.objects.get(code="pl")
    steps.append(f"turned on {language.name} ({language.code}), offered to families")

    page.goto(site_url + admin_url(language))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the file to send to the agency").click()
    file = download.value.path().read_bytes()
    steps.append(f"downloaded {download.value.suggested_filename} ({len(file):,} bytes)")

    returned = tmp_path / "returned-pl.xlf"
    returned.write_bytes(filled_in(file, polish))
    page.goto(site_url + admin_url(language, "importtranslation"))
    page.set_input_files("input[type=file]", str(returned))
    page.get_by_role("button", name="Bring in as drafts").click()
    expect(page.locator(".messagelist")).to_be_visible()
    steps.append(f"brought the agency's file back: {page.locator('.messagelist').inner_text().strip()[:120]}")
    assert family.goto(f"{site_url}/pl/").status == 404
    steps.append("families: /pl/ not found while the translation is a draft")

    page.goto(site_url + admin_url(LeafletTranslation.objects.get(language=language)))
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("families can see it now")
    family.goto(f"{site_url}/")
    expect(family.locator("nav.language-switcher").get_by_role("link", name="Polski")).to_be_visible()
    family.goto(f"{site_url}/pl/")
    region = family.get_by_role("region", name=f"PL {QUESTION}")
    expect(region).to_be_visible()
    expect(region.locator(".english-updated")).to_have_count(0)
    steps.append("published: /pl/ in Polish, listed in the language links")

    question = Question.objects.get(question=QUESTION)
    page.goto(site_url + admin_url(question))
    answer = page.locator("textarea[name=answer]")
    answer.fill("It usually takes about a year.")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("families can see it now")
    family.goto(f"{site_url}/pl/")
    notice = family.get_by_role("region", name=f"PL {QUESTION}").locator(".english-updated")
    expect(notice).to_contain_text("The English version of this answer was updated on")
    expect(family.locator(".english-updated")).to_have_count(1)
    steps.append(f"English answer published with a change: /pl/ says “{notice.inner_text().strip()}”")

    page.goto(site_url + reverse("admin:index"))
    panel = page.get_by_role("region", name="Translations out of date")
    expect(panel).to_contain_text("1 to bring up to date")
    steps.append("admin home: 'Translations out of date' lists it, with the English change marked")

    with capsys.disabled():
        print(
            "\nA Publisher's translation round:\n" + "\n".join(f"  {n}. {s}" for n, s in enumerate(steps, 1))
        )
