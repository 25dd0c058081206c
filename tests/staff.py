"""People in the tests: staff and the admin forms they fill in, and what families see."""

from django.contrib.auth.models import Group, User
from django.test import Client

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


def inline_prefix(data, section):
    """The form prefix of `section` among the questions on its leaflet's change form."""
    for name, value in data.items():
        if name.startswith("sections-") and name.endswith("-id") and str(value) == str(section.pk):
            return name[: -len("id")]
    raise AssertionError(f"{section} is not on the form")


def add_inline_question(data, leaflet, question, answer, order=5):
    index = int(data["sections-TOTAL_FORMS"])
    prefix = f"sections-{index}-"
    data.update(
        {
            prefix + "id": "",
            prefix + "leaflet": leaflet.pk,
            prefix + "question": question,
            prefix + "answer": answer,
            prefix + "order": order,
            prefix + "published": "on",
            prefix + "anchor": "",
            prefix + "opened_version": "",
        }
    )
    data["sections-TOTAL_FORMS"] = index + 1
    return data


def change_url(obj):
    return f"/admin/leaflet/{obj._meta.model_name}/{obj.pk}/change/"


def publish_url(obj):
    return f"/admin/leaflet/{obj._meta.model_name}/{obj.pk}/publish/"


def save_draft(browser, obj, **changes):
    """Open `obj` in the admin, change some fields and press Save (not publish)."""
    data = {**admin_form(browser.get(change_url(obj))), **changes}
    response = browser.post(change_url(obj), data)
    assert response.status_code == 302, page(response).select(".errorlist")
    return response


def save_leaflet_draft(browser, leaflet, section, **changes):
    """Change one question's fields on the leaflet's change form and press Save."""
    data = admin_form(browser.get(change_url(leaflet)))
    prefix = inline_prefix(data, section)
    data.update({prefix + name: value for name, value in changes.items()})
    response = browser.post(change_url(leaflet), data)
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


def preview_of(browser, leaflet):
    return browser.get(f"/preview/leaflets/{leaflet.pk}/")


def banner(response):
    return page(response).select_one(".preview-banner")


def banner_entries(response):
    return [text_of(li.strong) for li in banner(response).select("ul.preview-changes > li")]


def label_under(response, question):
    heading = next(h for h in page(response).select("main section.faq h2") if text_of(h) == question)
    label = heading.find_parent("section").select_one(".preview-label")
    return text_of(label) if label else None
