"""People in the tests: staff and the admin forms they fill in, and what families see."""

from django.contrib.auth.models import Group, User
from django.test import Client

from scr_site.leaflet.admin_links import admin_url
from scr_site.leaflet.drafts.preview import preview_url

from .helpers import page, text_of


def staff_member(username, role):
    user = User.objects.create_user(
        username,
        f"{username}@example.gov.uk",
        "a-long-password-1",
        is_staff=True,
        first_name=username.title(),
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def signed_in(user):
    """A browser of its own, so staff and families never share a session."""
    browser = Client()
    browser.force_login(user)
    return browser


def admin_form(response):
    """What the browser would send back from the admin form on this page if nothing were typed."""
    assert response.status_code == 200, response.status_code
    form = page(response).select_one("#content-main form[method=post]")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if "__prefix__" in name:
            continue
        if field.name == "textarea":
            value = field.get_text()
            # The HTML parser keeps the newline Django writes after <textarea>; a browser drops it.
            data[name] = value[1:] if value.startswith("\n") else value
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in {"submit", "button", "file", "image", "reset"}:
            data[name] = field.get("value", "")
    return data


def change_url(obj):
    return admin_url(obj)


def publish_url(obj):
    return admin_url(obj, "publish")


def save_draft(browser, obj, **changes):
    """Open `obj` in the admin, change some fields and press Save draft (not publish)."""
    data = {**admin_form(browser.get(change_url(obj))), **changes}
    response = browser.post(change_url(obj), {**data, "_continue": "Save draft"})
    assert response.status_code == 302, page(response).select(".errorlist")
    return response


def publish_by_url(browser, obj):
    response = browser.post(publish_url(obj))
    assert response.status_code == 302
    return response


# --- what people see -----------------------------------------------------------


def main_text(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return text_of(page(response).select_one("main"))


def questions_on(response):
    return [text_of(h) for h in page(response).select("main section.faq h2")]


def preview_of(browser, obj):
    return browser.get(preview_url(obj))


def banner(response):
    return page(response).select_one(".preview-banner")


def banner_entries(response):
    return [text_of(li.strong) for li in banner(response).select("ul.preview-changes > li")]


def label_under(response, question):
    heading = next(h for h in page(response).select("main section.faq h2") if text_of(h) == question)
    label = heading.find_parent("section").select_one(".preview-label")
    return text_of(label) if label else None
