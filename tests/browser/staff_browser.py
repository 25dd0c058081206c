"""Staff in the browser: accounts made as the roles are deployed, signed in, and moving by keyboard."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from scr_site.leaflet.permissions import role_permissions

from .conftest import PAGE_HELPERS

PASSWORD = "a-long-password-for-staff-1"


def make_staff(username, first_name, role):
    # The database is emptied between browser tests, taking the groups the migrations made with it;
    # they are made again from the list the migrations are checked against.
    group, _ = Group.objects.get_or_create(name=role)
    group.permissions.set(role_permissions(role))
    user = User.objects.create_user(
        username,
        f"{username}@example.gov.uk",
        PASSWORD,
        first_name=first_name,
        last_name=role,
        is_staff=True,
    )
    user.groups.add(group)
    return user


def signed_in_context(new_context, site_url, user, width=1280):
    """A browser context already signed in as `user`, without going through the sign-in form."""
    client = Client()
    client.force_login(user)
    context = new_context(width)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_url}])
    return context


def sign_in_by_keyboard(page, site_url, user):
    """Type the username and password and press Enter, as a keyboard user does."""
    page.goto(site_url + reverse("admin:login"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to edit the website")
    page.keyboard.press("Tab")
    # The skip link comes first; then the username box.
    while page.evaluate("document.activeElement.name") != "username":
        page.keyboard.press("Tab")
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="What needs doing")).to_be_visible()


# What has focus, described so a failure says where; and whether the focus can be seen.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const text = el.tagName === "TEXTAREA" || el.tagName === "INPUT" ? "" : el.innerText;
  const name = (el.getAttribute("aria-label") || label || text || el.value || el.name || "").trim();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {
    tag: el.tagName.toLowerCase(), name: name.replace(/\\s+/g, " ").slice(0, 120), id: el.id,
    type: el.type || "", visible: outline || shadow,
    insideMarkdown: !!el.closest(".markdownx"),
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def focus_contrast(page):
    """The best contrast any part of the focus style (outline, ring) has against what is around it."""
    page.evaluate(PAGE_HELPERS)
    # An icon drawn as the control's own background is inside the ring, not behind it: measured without it.
    record = page.evaluate(
        """() => {
          const el = document.activeElement, icon = el.style.backgroundImage;
          el.style.backgroundImage = "none";
          const record = window.__reading.focusRecord();
          el.style.backgroundImage = icon;
          return record;
        }"""
    )
    parts = (record or {}).get("indicator", {}).get("parts", [])
    return max((part["ratio"] for part in parts), default=0)


def tab_to(page, name, *, backwards=False, limit=200, exact=False):
    """Press Tab (or Shift+Tab) until the control whose text starts with `name` has focus.

    Every stop on the way must show where focus is; the stops are returned.
    """
    key = "Shift+Tab" if backwards else "Tab"
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now is None:
            continue
        stops.append(now)
        assert now["visible"], f"focus cannot be seen on {now}"
        assert focus_contrast(page) >= 3, f"the focus style on {now} has less than 3:1 contrast"
        if (now["name"] == name) if exact else now["name"].startswith(name):
            return stops
    raise AssertionError(f"“{name}” never got focus; the last stops were {stops[-8:]}")


def follow(page, key="Enter"):
    """Press Enter (or Space) on the focused link or button, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)
