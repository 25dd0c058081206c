"""Deleting or hiding takes an item off every public page at once: the page itself, the footer,
the language links, the sitemap and the JSON-LD, in every language. Recovering it brings it
back only through a new publication.
"""

import pytest
from django.urls import reverse
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.publishing import publish_item
from scr_site.leaflet.models import (
    Activity,
    Board,
    BoardTranslation,
    GuidanceLink,
    GuidanceLinkTranslation,
    InterfaceText,
    Leaflet,
    LeafletTranslation,
    Page,
    PageTranslation,
    PublishedCopy,
    Question,
    QuestionTranslation,
)
from scr_site.leaflet.registry import PUBLISHED

from .helpers import page, text_of
from .staff import save_draft
from .translations import (
    POLISH_BOARD,
    POLISH_LABELS,
    POLISH_PRIVACY,
    POLISH_QUESTION,
    POLISH_TITLE,
    translate,
)

pytestmark = pytest.mark.django_db

POLISH_LINK = "Wspólna praca na rzecz ochrony dzieci"


@pytest.fixture
def polish(leaflet_content):
    language = translate()
    link = GuidanceLink.objects.order_by("order").first()
    GuidanceLinkTranslation.objects.create(english=link, language=language, title=POLISH_LINK)
    publish_item(LeafletTranslation.objects.get(language=language), user=None)
    return language


def whole_page(client, address):
    """Everything a family, a screen reader or a search engine gets from the address."""
    response = client.get(address)
    return response.status_code, response.content.decode()


def sitemap(client):
    return client.get("/sitemap.xml").content.decode()


def delete_in_admin(browser, obj):
    response = browser.post(admin_url(obj, "delete"), {"post": "yes"})
    assert response.status_code == 302, response.status_code
    assert not type(obj).objects.filter(pk=obj.pk).exists()


# What each kind of item shows, where, and how to find it: (row, address, words it shows there).
def a_second_leaflet():
    leaflet = Leaflet.objects.create(title="For young people", slug="young-people")
    publish_item(leaflet, user=None)
    return leaflet, "/leaflets/young-people/", "For young people"


CASES = {
    Leaflet: a_second_leaflet,
    Question: lambda: (Question.objects.get(question="How Long Will the Review Take?"), "/", "How Long Will"),
    Board: lambda: (Board.objects.get(name__startswith="Cambridgeshire"), "/", "Cambridgeshire Local"),
    GuidanceLink: lambda: (
        (link := GuidanceLink.objects.order_by("order").first()),
        "/",
        link.url,
    ),
    Page: lambda: (Page.objects.get(slug="accessibility"), "/", "/accessibility/"),
    LeafletTranslation: lambda: (LeafletTranslation.objects.get(), "/pl/", POLISH_TITLE),
    QuestionTranslation: lambda: (QuestionTranslation.objects.get(), "/pl/", POLISH_QUESTION),
    BoardTranslation: lambda: (BoardTranslation.objects.get(), "/pl/", POLISH_BOARD),
    GuidanceLinkTranslation: lambda: (GuidanceLinkTranslation.objects.get(), "/pl/", POLISH_LINK),
    PageTranslation: lambda: (PageTranslation.objects.get(), "/pl/privacy/", POLISH_PRIVACY),
    InterfaceText: lambda: (InterfaceText.objects.get(), "/pl/", POLISH_LABELS["contents"]),
}


def test_every_published_kind_has_a_withdrawal_case():
    assert set(CASES) == set(PUBLISHED)


@pytest.mark.parametrize("model", PUBLISHED, ids=lambda model: model.__name__)
def test_deleting_a_published_item_takes_it_off_the_site_at_once(client, as_publisher, polish, model):
    obj, address, words = CASES[model]()
    assert words in whole_page(client, address)[1]

    delete_in_admin(as_publisher, obj)

    status, html = whole_page(client, address)
    assert words not in html
    assert not PublishedCopy.objects.filter(
        content_type__model=model._meta.model_name, object_id=obj.pk
    ).exists()
    assert words not in sitemap(client)


def test_a_deleted_page_leaves_every_footer_language_and_the_sitemap(client, as_publisher, polish):
    privacy = Page.objects.get(slug="privacy")
    assert POLISH_PRIVACY in whole_page(client, "/pl/")[1]

    delete_in_admin(as_publisher, privacy)

    assert client.get("/privacy/").status_code == 404
    assert client.get("/pl/privacy/").status_code == 404
    for address in ("/", "/pl/", "/accessibility/", "/pl/accessibility/"):
        footer = text_of(page(client.get(address)).select_one("footer"))
        assert "Privacy" not in footer and POLISH_PRIVACY not in footer
    assert "/privacy/" not in sitemap(client)
    # Its translation went with it, so nothing is left that no admin row could act on.
    assert not PublishedCopy.objects.filter(content_type__model="pagetranslation").exists()


def test_a_deleted_page_translation_leaves_the_polish_footer(client, as_publisher, polish):
    delete_in_admin(as_publisher, PageTranslation.objects.get())

    response = client.get("/pl/privacy/")
    assert response.status_code == 200
    assert POLISH_PRIVACY not in response.content.decode()
    assert POLISH_PRIVACY not in text_of(page(client.get("/pl/")).select_one("footer"))


def test_a_deleted_leaflet_translation_takes_the_language_off_every_page(client, as_publisher, polish):
    assert 'hreflang="pl"' in whole_page(client, "/")[1]

    delete_in_admin(as_publisher, LeafletTranslation.objects.get())

    assert client.get("/pl/").status_code == 404
    assert 'hreflang="pl"' not in whole_page(client, "/")[1]
    assert 'hreflang="pl"' not in sitemap(client)


def test_a_deleted_question_leaves_the_json_ld(client, as_publisher, leaflet_content):
    question = Question.objects.get(question="How Long Will the Review Take?")

    delete_in_admin(as_publisher, question)

    ld = page(client.get("/")).select_one('script[type="application/ld+json"]').string
    assert "How Long Will the Review Take?" not in ld


def test_deleting_a_leaflet_withdraws_its_questions_and_their_translations(client, as_publisher, polish):
    leaflet = Leaflet.objects.get(is_home_page=True)

    delete_in_admin(as_publisher, leaflet)

    assert client.get("/").status_code == 404
    assert client.get("/pl/").status_code == 404
    for kind in ("leaflet", "question", "leaflettranslation", "questiontranslation"):
        assert not PublishedCopy.objects.filter(content_type__model=kind).exists(), kind


def test_a_deleted_item_is_kept_in_its_history_as_withdrawn(as_publisher, leaflet_content):
    privacy = Page.objects.get(slug="privacy")

    delete_in_admin(as_publisher, privacy)

    (step,) = Activity.objects.filter(object_id=privacy.pk, content_type__model="page", kind="withdrawn")
    assert step.user.username == "pat"


@pytest.mark.parametrize("model", [Leaflet, Question, Page])
def test_publishing_an_item_hidden_from_families_takes_it_off_the_site(
    client, as_publisher, leaflet_content, model
):
    obj, address, words = {
        Leaflet: lambda: (Leaflet.objects.get(), "/", "How Long Will the Review Take?"),
        Question: CASES[Question],
        Page: CASES[Page],
    }[model]()
    save_draft(as_publisher, obj, show_to_families="")
    assert words in whole_page(client, address)[1]

    response = as_publisher.post(admin_url(obj, "publish"))

    assert response.status_code == 302
    assert words not in whole_page(client, address)[1]
    assert words not in sitemap(client)


def test_a_recovered_item_comes_back_only_when_it_is_published_again(client, as_publisher, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    delete_in_admin(as_publisher, privacy)
    version = Version.objects.get_deleted(Page).get(object_id=str(privacy.pk))

    response = as_publisher.post(admin_url(Page, "recover", version.pk))

    assert response.status_code == 302
    assert Page.objects.filter(pk=privacy.pk).exists()
    assert client.get("/privacy/").status_code == 404
    status = text_of(
        page(as_publisher.get(admin_url(Page.objects.get(pk=privacy.pk)))).select_one(".status-line")
    )
    assert status.startswith("Draft, never published")

    as_publisher.post(admin_url(Page.objects.get(pk=privacy.pk), "publish"))

    assert client.get("/privacy/").status_code == 200


def test_editors_cannot_delete(as_editor, leaflet_content):
    privacy = Page.objects.get(slug="privacy")
    assert as_editor.post(admin_url(privacy, "delete"), {"post": "yes"}).status_code == 403
    assert Page.objects.filter(pk=privacy.pk).exists()


def test_the_recover_list_is_for_publishers_only(as_editor, client, leaflet_content):
    assert as_editor.get(admin_url(Page, "recoverlist")).status_code == 403
    assert client.get(admin_url(Page, "recoverlist"))["Location"].startswith(reverse("admin:login"))
