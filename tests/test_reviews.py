"""Review dates: families see when a page was last checked, and staff are reminded when it is due."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateformat import format as format_date

from scr_site.leaflet.drafts.publishing import mark_reviewed, publish_item
from scr_site.leaflet.models import Leaflet, Page
from scr_site.leaflet.reviews import send_reminders

from .helpers import page, text_of
from .staff import save_draft, signed_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return staff_member("rita", "Editor")


@pytest.fixture
def as_reviewer(reviewer):
    return signed_in(reviewer)


@pytest.fixture
def privacy(leaflet_content):
    return Page.objects.get(slug="privacy")


def day(value):
    return format_date(value, "j F Y")


def review_line(client, path):
    line = page(client.get(path)).select_one("main .review-dates")
    return text_of(line) if line else None


def today():
    return timezone.localdate()


def a_year_after(value):
    # 29 February has no date a year on; the day before is the nearest that exists.
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value.replace(year=value.year + 1, day=28)


# --- what families see ------------------------------------------------------------


def test_families_see_when_the_leaflet_was_last_reviewed_and_next_due(client, reviewer, leaflet):
    mark_reviewed(leaflet, reviewer, datetime.date(2026, 10, 1))

    assert review_line(client, "/") == "Page last reviewed: 1 October 2026. Next review due: 1 October 2027"


def test_families_see_when_a_page_was_last_reviewed_and_next_due(client, reviewer, privacy):
    mark_reviewed(privacy, reviewer, datetime.date(2026, 10, 1))

    assert (
        review_line(client, "/privacy/")
        == "Page last reviewed: 1 October 2026. Next review due: 1 October 2027"
    )


def test_the_review_dates_are_machine_readable(client, reviewer, leaflet):
    mark_reviewed(leaflet, reviewer, datetime.date(2026, 10, 1))

    times = page(client.get("/")).select("main .review-dates time")
    assert [t["datetime"] for t in times] == ["2026-10-01", "2027-10-01"]


def test_marking_reviewed_in_the_admin_list_shows_todays_date_to_families(
    client, as_reviewer, reviewer, leaflet, privacy
):
    for obj in (leaflet, privacy):
        mark_reviewed(obj, reviewer, datetime.date(2025, 6, 2))
    assert review_line(client, "/privacy/").startswith("Page last reviewed: 2 June 2025.")

    for model, obj in (("leaflet", leaflet), ("page", privacy)):
        response = as_reviewer.post(
            f"/admin/leaflet/{model}/", {"action": "mark_reviewed", "_selected_action": [obj.pk], "index": 0}
        )
        assert response.status_code == 302

    a_year_on = a_year_after(today())
    expected = f"Page last reviewed: {day(today())}. Next review due: {day(a_year_on)}"
    assert review_line(client, "/") == expected
    assert review_line(client, "/privacy/") == expected


def test_marking_reviewed_records_who_reviewed(as_reviewer, reviewer, privacy):
    as_reviewer.post(
        "/admin/leaflet/page/", {"action": "mark_reviewed", "_selected_action": [privacy.pk], "index": 0}
    )

    assert Page.objects.get(pk=privacy.pk).reviewed_by == reviewer


def test_marking_reviewed_publishes_no_draft_changes(client, as_reviewer, reviewer, privacy):
    save_draft(as_reviewer, privacy, title="Privacy, cookies and your data")

    mark_reviewed(Page.objects.get(pk=privacy.pk), reviewer, datetime.date(2026, 10, 1))

    html = page(client.get("/privacy/"))
    assert text_of(html.h1) == "Privacy and cookies"
    assert text_of(html.select_one(".review-dates")).startswith("Page last reviewed: 1 October 2026.")
    status = page(as_reviewer.get(f"/admin/leaflet/page/{privacy.pk}/change/")).select_one(".status-line")
    assert "Draft by Rita" in text_of(status)


def test_a_page_never_reviewed_shows_only_when_it_is_due(client, leaflet_content):
    new_page = Page.objects.create(title="Complaints", slug="complaints", body="Write to us.")
    publish_item(new_page, user=None)

    line = review_line(client, "/complaints/")
    assert line.startswith("Next review due: ")
    assert "last reviewed" not in line


# --- when the next review is due ----------------------------------------------------


def test_next_review_is_due_a_year_from_today_when_left_empty(db):
    created = Page.objects.create(title="Complaints", slug="complaints", body="Write to us.")

    assert created.next_review_due == a_year_after(today())


def test_next_review_is_due_a_year_after_the_last_review(db):
    created = Page.objects.create(
        title="Complaints",
        slug="complaints",
        body="Write to us.",
        last_reviewed_on=datetime.date(2026, 3, 10),
    )

    assert created.next_review_due == datetime.date(2027, 3, 10)


def test_next_review_falls_on_the_same_date_a_year_later_across_a_leap_day(reviewer, privacy):
    mark_reviewed(privacy, reviewer, datetime.date(2024, 1, 15))

    assert Page.objects.get(pk=privacy.pk).next_review_due == datetime.date(2025, 1, 15)


def test_a_next_review_date_chosen_by_staff_is_kept(db):
    created = Page.objects.create(
        title="Complaints",
        slug="complaints",
        body="Write to us.",
        last_reviewed_on=datetime.date(2026, 3, 10),
        next_review_due=datetime.date(2026, 9, 10),
    )

    assert created.next_review_due == datetime.date(2026, 9, 10)


# --- the admin's list of reviews due --------------------------------------------------------


@pytest.fixture
def due_dates(leaflet):
    """The leaflet is overdue, two pages are due within 30 days, one is due later."""
    now = today()
    Leaflet.objects.filter(pk=leaflet.pk).update(next_review_due=now - datetime.timedelta(days=3))
    Page.objects.filter(slug="privacy").update(next_review_due=now + datetime.timedelta(days=10))
    Page.objects.filter(slug="leave-this-site-quickly").update(
        next_review_due=now + datetime.timedelta(days=30)
    )
    Page.objects.filter(slug="accessibility").update(next_review_due=now + datetime.timedelta(days=31))


def reviews_due_rows(browser):
    module = page(browser.get("/admin/")).select_one(".reviews-due")
    assert text_of(module.h2) == "Reviews due"
    return [[text_of(cell) for cell in tr.select("th, td")] for tr in module.select("tbody tr")]


def test_the_admin_home_lists_overdue_and_soon_due_reviews_soonest_first(as_reviewer, due_dates, leaflet):
    rows = reviews_due_rows(as_reviewer)

    assert [row[0] for row in rows] == [
        leaflet.title,
        "Privacy and cookies",
        "How to leave this site quickly and cover your tracks",
    ]
    assert rows[0][1] == f"Overdue: {day(today() - datetime.timedelta(days=3))}"
    assert rows[1][1] == day(today() + datetime.timedelta(days=10))


def test_the_admin_home_leaves_out_reviews_due_later(as_reviewer, due_dates):
    assert "Accessibility statement" not in [row[0] for row in reviews_due_rows(as_reviewer)]


def test_the_admin_home_links_each_due_review_to_its_form(as_reviewer, due_dates, leaflet):
    module = page(as_reviewer.get("/admin/")).select_one(".reviews-due")

    assert module.find("a", string=leaflet.title)["href"] == f"/admin/leaflet/leaflet/{leaflet.pk}/change/"


def test_the_admin_home_says_when_nothing_is_due(as_reviewer, leaflet_content):
    module = page(as_reviewer.get("/admin/")).select_one(".reviews-due")

    assert "Nothing is due for review in the next 30 days." in text_of(module)
    assert module.select("tbody tr") == []


# --- reminders by email -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def reminder_domains(settings):
    settings.REVIEW_REMINDER_DOMAINS = ["example.gov.uk"]


def publish_all():
    for item in [*Leaflet.objects.all(), *Page.objects.all()]:
        publish_item(item, user=None)


@pytest.fixture
def contacts(due_dates, leaflet):
    """Who to remind, as published: someone for every item except the leave-quickly page."""
    Leaflet.objects.filter(pk=leaflet.pk).update(review_contact="leaflets@example.gov.uk")
    Page.objects.filter(slug="leave-this-site-quickly").update(review_contact="")
    Page.objects.filter(slug="privacy").update(review_contact="pages@example.gov.uk")
    Page.objects.filter(slug="accessibility").update(review_contact="pages@example.gov.uk")
    publish_all()


def test_reminders_go_to_each_due_items_contact(mailoutbox, contacts, leaflet):
    out = StringIO()
    call_command("review_reminders", stdout=out)

    assert sorted((mail.to[0], mail.subject) for mail in mailoutbox) == [
        ("leaflets@example.gov.uk", f"Review overdue: {leaflet.title}"),
        ("pages@example.gov.uk", "Review due soon: Privacy and cookies"),
    ]
    assert all(len(mail.to) == 1 for mail in mailoutbox)
    assert "Sent 2 reminder(s)." in out.getvalue()


def test_a_reminder_names_the_item_its_due_date_and_where_to_review_it(mailoutbox, contacts, leaflet):
    call_command("review_reminders", stdout=StringIO())

    mail = next(m for m in mailoutbox if m.to == ["pages@example.gov.uk"])
    privacy = Page.objects.get(slug="privacy")
    assert "“Privacy and cookies”" in mail.body
    assert f"due for review on {day(privacy.next_review_due)}" in mail.body
    assert f"/admin/leaflet/page/{privacy.pk}/change/" in mail.body


def test_an_item_with_no_one_to_remind_is_reported_not_emailed(mailoutbox, contacts):
    out = StringIO()
    call_command("review_reminders", stdout=out)

    assert "Not reminded about “How to leave this site quickly and cover your tracks”" in out.getvalue()
    assert not any("leave this site" in mail.subject for mail in mailoutbox)


def reminders_about(mailoutbox, title):
    return [mail for mail in mailoutbox if mail.subject.endswith(f": {title}")]


def test_reminders_are_not_sent_again_the_same_week(mailoutbox, contacts, leaflet):
    call_command("review_reminders", stdout=StringIO())
    assert len(mailoutbox) == 2

    out = StringIO()
    call_command("review_reminders", stdout=out)
    assert len(mailoutbox) == 2
    assert "already reminded this week" in out.getvalue()

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=6)):
        call_command("review_reminders", stdout=StringIO())
    assert len(reminders_about(mailoutbox, leaflet.title)) == 1
    assert len(reminders_about(mailoutbox, "Privacy and cookies")) == 1


def test_reminders_are_sent_again_after_a_week(mailoutbox, contacts, leaflet):
    now = timezone.now()
    send_reminders(now=now)

    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=8)):
        call_command("review_reminders", stdout=StringIO())

    assert len(reminders_about(mailoutbox, leaflet.title)) == 2
    assert len(reminders_about(mailoutbox, "Privacy and cookies")) == 2


def test_an_item_due_later_is_reminded_once_it_comes_within_30_days(mailoutbox, contacts):
    now = timezone.now()
    send_reminders(now=now)
    assert not any("Accessibility" in mail.subject for mail in mailoutbox)

    send_reminders(now=now + datetime.timedelta(days=1))

    assert [mail.subject for mail in mailoutbox[2:]] == ["Review due soon: Accessibility statement"]


def test_a_reviewed_item_is_not_reminded(mailoutbox, contacts, reviewer, leaflet):
    mark_reviewed(Leaflet.objects.get(pk=leaflet.pk), reviewer, today())

    call_command("review_reminders", stdout=StringIO())

    assert [mail.to[0] for mail in mailoutbox] == ["pages@example.gov.uk"]


# --- reminders are about what families see, and go only where they should -----------------


def test_an_item_never_published_is_not_reminded(mailoutbox, contacts):
    Page.objects.create(
        title="A draft nobody published",
        slug="draft-page",
        body="Draft.",
        next_review_due=today(),
        review_contact="pages@example.gov.uk",
    )
    call_command("review_reminders", stdout=StringIO())
    assert not reminders_about(mailoutbox, "A draft nobody published")


def test_an_item_hidden_from_families_is_not_reminded(mailoutbox, contacts):
    privacy = Page.objects.get(slug="privacy")
    privacy.show_to_families = False
    privacy.save()
    publish_item(privacy, user=None)
    call_command("review_reminders", stdout=StringIO())
    assert not reminders_about(mailoutbox, "Privacy and cookies")
    assert reminders_about(mailoutbox, Leaflet.objects.get().title)


def test_the_subject_gives_the_published_title_not_a_drafts(mailoutbox, contacts):
    Page.objects.filter(slug="privacy").update(title="A title an Editor typed")
    call_command("review_reminders", stdout=StringIO())
    assert [mail.subject for mail in mailoutbox if mail.to == ["pages@example.gov.uk"]] == [
        "Review due soon: Privacy and cookies"
    ]


def test_an_address_typed_into_a_draft_is_not_reminded(mailoutbox, contacts):
    Page.objects.filter(slug="privacy").update(review_contact="someone-else@example.gov.uk")
    call_command("review_reminders", stdout=StringIO())
    assert "someone-else@example.gov.uk" not in [mail.to[0] for mail in mailoutbox]
    assert "pages@example.gov.uk" in [mail.to[0] for mail in mailoutbox]


@pytest.mark.parametrize(
    "address",
    ["someone@gmail.com", "someone@example.gov.uk.evil.example", "someone@notexample.gov.uk"],
)
def test_reminders_go_only_to_addresses_in_the_allowed_domains(mailoutbox, contacts, address):
    Page.objects.filter(slug="privacy").update(review_contact=address)
    publish_item(Page.objects.get(slug="privacy"), user=None)
    out = StringIO()
    call_command("review_reminders", stdout=out)
    assert address not in [mail.to[0] for mail in mailoutbox]
    assert f"Not reminded about “Privacy and cookies”: {address} is not in a domain" in out.getvalue()


def test_reminders_go_to_addresses_in_a_subdomain_of_an_allowed_domain(mailoutbox, contacts):
    Page.objects.filter(slug="privacy").update(review_contact="web@council.example.gov.uk")
    publish_item(Page.objects.get(slug="privacy"), user=None)
    call_command("review_reminders", stdout=StringIO())
    assert "web@council.example.gov.uk" in [mail.to[0] for mail in mailoutbox]


def test_with_no_allowed_domains_no_reminder_is_sent_and_the_reason_is_given(mailoutbox, contacts, settings):
    settings.REVIEW_REMINDER_DOMAINS = []
    out = StringIO()
    call_command("review_reminders", stdout=out)
    assert mailoutbox == []
    assert "DJANGO_REVIEW_REMINDER_DOMAINS: none are set" in out.getvalue()


def test_a_title_with_a_line_break_reaches_no_header_and_stops_nobody_elses_reminder(mailoutbox, contacts):
    privacy = Page.objects.get(slug="privacy")
    Page.objects.filter(pk=privacy.pk).update(title="Privacy\nBcc: everyone@evil.example")
    publish_item(Page.objects.get(pk=privacy.pk), user=None)

    out = StringIO()
    call_command("review_reminders", stdout=out)

    subjects = sorted(mail.subject for mail in mailoutbox)
    assert subjects == [
        "Review due soon: Privacy Bcc: everyone@evil.example",
        f"Review overdue: {Leaflet.objects.get().title}",
    ]
    assert all(mail.bcc == [] for mail in mailoutbox)
    assert "Reminded pages@example.gov.uk about “Privacy Bcc: everyone@evil.example”" in out.getvalue()


def test_one_failed_email_never_stops_the_others(mailoutbox, contacts, leaflet):
    sent = []

    def refuse_the_first(subject, body, sender, recipients):
        if not sent:
            sent.append(False)
            raise ConnectionRefusedError("the mail server refused the message")
        sent.append(True)
        mailoutbox.append(mock.Mock(subject=subject, to=recipients))

    out = StringIO()
    with mock.patch("scr_site.leaflet.reviews.send_mail", refuse_the_first):
        call_command("review_reminders", stdout=out)

    assert sent == [False, True]
    assert "the email could not be sent (ConnectionRefusedError)" in out.getvalue()
    assert "Sent 1 reminder(s)." in out.getvalue()
    # The one that failed is tried again the next day.
    call_command("review_reminders", stdout=StringIO())
    assert len(mailoutbox) == 2
