"""A language's page in the admin: download the file for the agency, and bring the agency's file back."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Language, LeafletTranslation, PublishedCopy, QuestionTranslation
from scr_site.leaflet.pseudo import pseudo_translate

from .helpers import page, text_of
from .staff import signed_in
from .xliff_files import edited, exported, filled_in, polish, units

pytestmark = pytest.mark.django_db


@pytest.fixture
def polish_language(leaflet_content):
    return Language.objects.create(code="pl")


def section(response):
    found = page(response).select_one("section.translation-files")
    return found


def links_in(element):
    return {text_of(a): a["href"] for a in element.select("a[href]")}


def upload(browser, language, data, name="pl-returned.xlf"):
    return browser.post(
        admin_url(language, "importtranslation"),
        {"file": SimpleUploadedFile(name, data, content_type="application/x-xliff+xml")},
    )


def messages_after(browser, response):
    assert response.status_code == 302, response.status_code
    shown = page(browser.get(response["Location"]))
    return " ".join(text_of(message) for message in shown.select(".messagelist li"))


def problems_on(response):
    assert response.status_code == 200
    summary = page(response).select_one(".error-summary")
    assert summary is not None, "no error summary"
    return text_of(summary)


@pytest.mark.parametrize("role", ["as_editor", "as_publisher"])
def test_editors_and_publishers_see_both_files_on_the_languages_page(request, polish_language, role):
    browser = request.getfixturevalue(role)
    needed = len(units(exported(polish_language)))

    shown = section(browser.get(admin_url(polish_language)))

    assert text_of(shown.h2) == "Files for a translation agency"
    assert f"{needed} texts in Polski are missing" in text_of(shown)
    links = links_in(shown)
    assert links["Download the file to send to the agency"] == admin_url(polish_language, "translationfile")
    assert links["Bring back the agency's file"] == admin_url(polish_language, "importtranslation")


def test_the_download_is_the_same_file_as_the_command_writes(as_editor, polish_language):
    response = as_editor.get(admin_url(polish_language, "translationfile"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-xliff+xml; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="scr-site-pl-')
    assert list(units(response.content)) == list(units(exported(polish_language)))


def test_with_nothing_to_send_the_page_says_so_and_the_download_explains(as_editor, polish_language):
    data = filled_in(exported(polish_language), polish)
    upload(as_editor, polish_language, data)

    shown = section(as_editor.get(admin_url(polish_language)))
    response = as_editor.get(admin_url(polish_language, "translationfile"))

    assert "there is nothing to send" in text_of(shown)
    assert "Download the file to send to the agency" not in links_in(shown)
    assert "Nothing to send: every text in Polski matches the English" in messages_after(as_editor, response)


def test_the_upload_form_has_a_labelled_file_box(as_editor, polish_language):
    form = page(as_editor.get(admin_url(polish_language, "importtranslation"))).select_one(
        "main form, form[enctype]"
    )

    box = form.select_one("input[type=file]")
    assert form["enctype"] == "multipart/form-data"
    assert text_of(form.select_one(f"label[for={box['id']}]")) == "The file the agency returned"
    assert text_of(form.select_one("button[type=submit]")) == "Bring in as drafts"


def test_an_editor_brings_the_agencys_file_back_as_drafts(as_editor, editor, polish_language):
    data = filled_in(exported(polish_language), polish)

    response = upload(as_editor, polish_language, data)

    assert response.status_code == 302
    message = page(as_editor.get(response["Location"])).select_one(".messagelist li")
    assert f"Brought in {len(units(data))} texts from “pl-returned.xlf” as drafts" in text_of(message)
    assert "Nothing is published yet" in text_of(message)
    leaflet = LeafletTranslation.objects.get(language=polish_language)
    assert leaflet.title.startswith("PL ")
    assert not PublishedCopy.objects.filter(data__language_id=polish_language.pk).exists()
    assert links_in(message)["preview and publish them"] == admin_url(leaflet)


def test_a_tampered_file_is_refused_on_the_page_with_the_segment_named(as_editor, polish_language, question):
    data = filled_in(exported(polish_language), polish)
    tampered = edited(
        data, lambda text: text.replace(f'"question/{question.pk}/answer"', '"question/4040/answer"')
    )

    response = upload(as_editor, polish_language, tampered)

    problems = problems_on(response)
    assert "There is a problem: nothing has been saved" in problems
    assert "question/4040/answer: there is no question 4040 on this site" in problems
    assert not QuestionTranslation.objects.exists()


def test_a_file_for_another_language_is_refused_on_the_page(as_editor, polish_language):
    data = filled_in(exported(polish_language), polish)
    german = edited(data, lambda text: text.replace('target-language="pl"', 'target-language="de"'))

    assert "The file is for the language “de”, not Polski (pl)." in problems_on(
        upload(as_editor, polish_language, german)
    )
    assert not LeafletTranslation.objects.exists()


def test_sending_no_file_says_to_choose_one(as_editor, polish_language):
    response = as_editor.post(admin_url(polish_language, "importtranslation"), {})

    assert "Choose the file the agency returned." in problems_on(response)


def test_a_file_that_is_not_a_translation_file_is_refused_plainly(as_editor, polish_language):
    response = upload(as_editor, polish_language, b"\x89PNG\r\n\x1a\n not xml", name="photo.png")

    assert "The file is not valid XML" in problems_on(response)


def test_an_oversized_upload_is_refused_without_reading_it(as_editor, polish_language):
    response = upload(as_editor, polish_language, b" " * (2 * 1024 * 1024 + 1))

    assert "larger than 2 MB" in problems_on(response)


def test_staff_without_a_role_can_neither_download_nor_upload(polish_language):
    nobody = signed_in(
        User.objects.create_user("nora", "nora@example.gov.uk", "a-long-password-1", is_staff=True)
    )

    assert nobody.get(admin_url(polish_language, "translationfile")).status_code == 403
    assert nobody.get(admin_url(polish_language, "importtranslation")).status_code == 403
    assert upload(nobody, polish_language, filled_in(exported(polish_language), polish)).status_code == 403
    assert not LeafletTranslation.objects.exists()


def test_someone_signed_out_is_sent_to_sign_in(client, polish_language):
    response = client.get(admin_url(polish_language, "translationfile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_test_language_has_no_files(as_publisher, leaflet_content):
    pseudo_translate()
    language = Language.objects.get(code="ar-xb")

    assert as_publisher.get(admin_url(language, "translationfile")).status_code == 404
    assert as_publisher.get(admin_url(language, "importtranslation")).status_code == 404


@pytest.mark.parametrize("bad", ["nine", "١", "99999"])
def test_an_address_for_no_language_is_not_found(as_publisher, polish_language, bad):
    base = admin_url(polish_language, "translationfile").replace(f"/{polish_language.pk}/", f"/{bad}/")

    assert as_publisher.get(base).status_code == 404
