"""What a search result or a pasted link shows: canonical address, summary, previews and JSON-LD."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from scr_site.leaflet.drafts.publishing import mark_reviewed, publish_item
from scr_site.leaflet.models import Board, Leaflet, Page, Question, SiteSettings

from .helpers import page, text_of
from .staff import save_draft

pytestmark = pytest.mark.django_db

SITE = "https://scr.example.gov.uk"
SUMMARY = (
    "What happens in a Serious Case Review in Cambridgeshire and Peterborough, and what it means for you."
)


def head(response):
    return page(response).head


def meta(response, name):
    tag = head(response).find("meta", attrs={"property": name}) or head(response).find(
        "meta", attrs={"name": name}
    )
    return tag["content"] if tag else None


def json_ld(response):
    [block] = head(response).select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def nodes_of_type(graph, kind):
    return [
        node
        for node in graph
        if kind in ([node["@type"]] if isinstance(node["@type"], str) else node["@type"])
    ]


@override_settings(SITE_URL=SITE)
@pytest.mark.parametrize("path", ["/", "/privacy/"])
def test_each_page_names_its_one_canonical_address_whatever_it_was_asked_for_with(
    client, leaflet_content, path
):
    response = client.get(path, {"utm_source": "whatsapp"}, headers={"host": "localhost"})
    assert head(response).find("link", rel="canonical")["href"] == f"{SITE}{path}"
    assert meta(response, "og:url") == f"{SITE}{path}"


def test_the_leaflet_description_is_the_summary_staff_wrote_once_published(client, leaflet_content):
    leaflet = Leaflet.objects.get()
    leaflet.summary = SUMMARY
    leaflet.save()
    assert meta(client.get("/"), "description") != SUMMARY
    publish_item(leaflet, user=None)
    response = client.get("/")
    for name in ("description", "og:description", "twitter:description"):
        assert meta(response, name) == SUMMARY


def test_without_a_summary_the_leaflet_is_still_described(client, leaflet_content):
    assert meta(client.get("/"), "description").startswith(
        "Information for families about Serious Case Reviews"
    )


def test_a_pages_description_is_its_summary(client, leaflet_content):
    privacy = Page.objects.published_list(slug="privacy")[0]
    assert meta(client.get("/privacy/"), "description") == privacy.summary


def test_link_previews_have_the_title_description_site_name_and_locale(client, leaflet_content):
    response = client.get("/accessibility/")
    assert meta(response, "og:type") == "website"
    assert meta(response, "og:title") == "Accessibility statement"
    assert meta(response, "og:site_name") == "Cambridgeshire and Peterborough Safeguarding Children Boards"
    assert meta(response, "og:locale") == "en_GB"
    assert meta(response, "twitter:card") == "summary"
    assert meta(response, "twitter:title") == "Accessibility statement"
    assert meta(response, "twitter:description") == meta(response, "og:description")


@pytest.mark.parametrize("path", ["/this-page-does-not-exist/", "/feedback/thank-you/"])
def test_pages_that_are_not_content_ask_not_to_be_indexed(client, leaflet_content, path):
    response = client.get(path)
    assert meta(response, "robots") == "noindex"
    assert head(response).find("link", rel="canonical") is None
    assert head(response).select('script[type="application/ld+json"]') == []


def test_the_json_ld_on_the_home_page_lists_every_published_question_with_its_answer(client, leaflet_content):
    graph = json_ld(client.get("/"))
    [faq] = nodes_of_type(graph, "FAQPage")
    questions = Question.objects.published_list(leaflet_id=Leaflet.objects.get().pk)
    assert len(faq["mainEntity"]) == len(questions) == 7
    assert [item["name"] for item in faq["mainEntity"]] == [question.question for question in questions]
    for item, question in zip(faq["mainEntity"], questions, strict=True):
        assert item["@type"] == "Question"
        answer = item["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert answer["text"] == text_of(BeautifulSoup(question.answer_html, "html.parser"))
        assert "<" not in answer["text"]


def test_the_json_ld_names_both_boards_with_their_address_and_telephone_numbers(client, leaflet_content):
    graph = json_ld(client.get("/"))
    organisations = nodes_of_type(graph, "GovernmentOrganization")
    boards = Board.objects.published_list()
    assert [node["name"] for node in organisations] == [board.name for board in boards]
    for node, board in zip(organisations, boards, strict=True):
        international = board.telephone_uri.removeprefix("tel:")
        assert international.startswith("+44")
        assert node["telephone"] == node["contactPoint"]["telephone"] == international
        assert node["contactPoint"]["email"] == board.email
        assert node["address"] == {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(board.address_line_list),
            "addressLocality": board.town,
            "postalCode": board.postcode,
            "addressCountry": "GB",
        }


def test_the_home_page_is_a_web_page_with_its_modified_and_reviewed_dates(client, leaflet_content):
    leaflet = Leaflet.objects.get()
    mark_reviewed(leaflet, user=None, on=datetime.date(2026, 11, 2))
    [web_page] = nodes_of_type(json_ld(client.get("/")), "WebPage")
    assert web_page["lastReviewed"] == "2026-11-02"
    modified = datetime.datetime.fromisoformat(web_page["dateModified"])
    assert modified <= timezone.now()
    assert web_page["inLanguage"] == "en-GB"


def test_a_footer_page_is_a_web_page_with_its_dates(client, leaflet_content):
    [web_page] = json_ld(client.get("/privacy/"))
    assert web_page["@type"] == "WebPage"
    assert web_page["name"] == "Privacy and cookies"
    assert web_page["lastReviewed"] == str(Page.objects.published_list(slug="privacy")[0].last_reviewed_on)
    assert "dateModified" in web_page


def test_drafts_never_reach_the_json_ld(client, leaflet_content):
    question = Question.objects.get(anchor="how-long-will-the-review-take")
    question.question = "A draft question nobody has published"
    question.save()
    names = [item["name"] for item in nodes_of_type(json_ld(client.get("/")), "FAQPage")[0]["mainEntity"]]
    assert "A draft question nobody has published" not in names


def test_a_question_that_looks_like_code_stays_data(client, leaflet_content):
    question = Question.objects.get(anchor="how-long-will-the-review-take")
    question.question = "Why? </script><script>alert(1)</script> <!--"
    question.save()
    publish_item(Leaflet.objects.get(), user=None)
    response = client.get("/")
    assert len(page(response).find_all("script")) == 2  # site.js and the JSON-LD block
    names = [item["name"] for item in nodes_of_type(json_ld(response), "FAQPage")[0]["mainEntity"]]
    assert "Why? </script><script>alert(1)</script> <!--" in names


# --- warnings for staff ----------------------------------------------------------------------


def messages_after(response):
    return [text_of(message) for message in page(response).select(".messagelist li")]


def test_staff_are_warned_when_a_summary_is_too_long_for_search_results(as_editor, leaflet_content):
    leaflet = Leaflet.objects.get()
    response = save_draft(as_editor, leaflet, summary="A" * 161)
    warnings = messages_after(as_editor.get(response["Location"]))
    assert any("The summary is 161 characters long" in warning for warning in warnings)
    response = save_draft(as_editor, leaflet, summary="A" * 160)
    assert not any(
        "characters long" in warning for warning in messages_after(as_editor.get(response["Location"]))
    )


def test_a_long_page_summary_is_warned_about_too(as_editor, leaflet_content):
    response = save_draft(as_editor, Page.objects.get(slug="privacy"), summary="B" * 200)
    assert any(
        "200 characters long" in warning for warning in messages_after(as_editor.get(response["Location"]))
    )


def set_security_contact(expires):
    site_settings = SiteSettings.load()
    site_settings.security_contact = "security@peterborough.gov.uk"
    site_settings.security_txt_expires = expires
    site_settings.save()


def security_panel(browser):
    panel = page(browser.get(reverse("admin:index"))).select_one(".security-contact-warning")
    return text_of(panel) if panel else None


def test_publishers_are_warned_on_the_admin_home_when_the_security_contact_expires_within_30_days(
    as_publisher, as_editor, leaflet_content
):
    set_security_contact(timezone.localdate() + datetime.timedelta(days=31))
    assert security_panel(as_publisher) is None
    set_security_contact(timezone.localdate() + datetime.timedelta(days=30))
    assert "expires on" in security_panel(as_publisher)
    assert "in 30 days" in security_panel(as_publisher)
    # Editors cannot change the site settings, so it is not theirs to act on.
    assert security_panel(as_editor) is None


def test_an_expired_security_contact_is_warned_about_on_the_site_settings_page(as_publisher, leaflet_content):
    set_security_contact(timezone.localdate() - datetime.timedelta(days=1))
    response = as_publisher.get(reverse("admin:leaflet_sitesettings_change", args=[SiteSettings.load().pk]))
    assert any("The security contact expired on" in warning for warning in messages_after(response))
