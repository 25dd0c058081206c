"""Every role sees only what it can use: each link works, and what is not linked is refused.

Each role's admin is walked from its home page, following every link to an admin page or a
preview (and the pages its buttons lead to). Every page reached must open. Then each admin
address of a kind the walk never reached (no "restore" page at all for an Editor, say) is
tried directly: it must be refused.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.urls import resolve, reverse
from reversion.models import Version

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question, SiteNotice, SiteSettings

from .helpers import page
from .staff import save_draft, signed_in

pytestmark = pytest.mark.django_db

CONTENT = [Leaflet, Question, Board, GuidanceLink, Page]


def admin_or_preview(path):
    return path.startswith((reverse("admin:index"), "/preview/"))


def walk(browser):
    """Every admin and preview path the user can get to from the home page, by link or button."""
    seen, queue = set(), [reverse("admin:index")]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = browser.get(path, follow=True)
        assert response.status_code == 200, f"{path} is linked but answers {response.status_code}"
        html = page(response)
        targets = [a["href"] for a in html.select("a[href]")]
        targets += [form.get("action") or path for form in html.select("form[method=get]")]
        if html.select_one("button[name=_approval]"):
            targets.append(path.replace("/change/", "/approval/"))
        for target in targets:
            found = urlsplit(urljoin(path, target)).path
            if admin_or_preview(found) and found not in seen and found != reverse("admin:logout"):
                queue.append(found)
    return seen


def every_staff_address(leaflet):
    """The admin's addresses for the site's content, whoever may open them."""
    addresses = {reverse("admin:auth_user_changelist"), reverse("admin:auth_group_changelist")}
    for model in [*CONTENT, SiteNotice]:
        addresses |= {admin_url(model, "changelist"), admin_url(model, "add")}
    for model in CONTENT:
        addresses.add(admin_url(model, "recoverlist"))
        for obj in model.objects.all():
            addresses |= {
                admin_url(obj, action) for action in ("change", "history", "changes", "delete", "approval")
            }
            version = Version.objects.get_for_object(obj).last()
            if version is not None:
                addresses.add(admin_url(obj, "restore", version.pk))
    addresses.add(admin_url(SiteSettings.load()))
    return addresses


def kind(path):
    """What sort of page: "history", "restore", "delete" ..., whichever content item it is about."""
    name = resolve(path).url_name
    return name.rsplit("_", 1)[-1] if name.startswith("leaflet_") else name


@pytest.fixture
def nobody(db):
    return signed_in(
        User.objects.create_user("nora", "nora@example.gov.uk", "a-long-password-1", is_staff=True)
    )


@pytest.mark.parametrize("role", ["editor", "publisher", "nobody"])
def test_no_role_sees_a_link_it_cannot_use_or_reaches_a_page_it_is_not_shown(
    request, leaflet, question, as_editor, role
):
    save_draft(as_editor, question, answer="A draft, so there is history to compare and restore.")
    browser = {"editor": as_editor, "publisher": request.getfixturevalue("as_publisher")}.get(role)
    browser = browser or request.getfixturevalue("nobody")

    reached = walk(browser)

    kinds_reached = {kind(path) for path in reached}
    for path in sorted(every_staff_address(leaflet)):
        if kind(path) in kinds_reached:
            continue
        status = browser.get(path).status_code
        assert status in {403, 404}, f"{role} is shown no link to {path}, yet it answers {status}"
    assert kinds_reached
