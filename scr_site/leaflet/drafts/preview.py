"""Previews: the public page built by the same code as the live one, with a banner.

Every preview (a leaflet, a question, a board, a guidance link, a page, a translation) is
the page the item appears on, built by pages.py from the published content with the item's
Publication in place (pages.WithDrafts): exactly what publishing it would leave live. The
banner says what that changes, and offers the next step: Publish, Approve or Send back, or,
for an Editor, Send for approval.
"""

from django.urls import reverse

from ..admin_links import admin_url
from ..localise import PageLanguage
from ..models import ApprovalRequest, Leaflet, Page, Question
from ..models.published import PublishedSite
from ..pages import WithDrafts, footer_page, leaflet_page
from ..permissions import can_publish
from .publication import Publication

LEAFLET_TEMPLATE, PAGE_TEMPLATE = "leaflet/leaflet.html", "leaflet/page.html"
# The name of each English kind's preview address in scr_site/leaflet/urls.py.
_URL_NAMES = {
    "leaflet": "leaflet:preview_leaflet",
    "question": "leaflet:preview_question",
    "board": "leaflet:preview_board",
    "guidancelink": "leaflet:preview_guidancelink",
    "page": "leaflet:preview_page",
}


def preview_url(obj):
    name = _URL_NAMES.get(obj._meta.model_name)
    if name:
        return reverse(name, args=[obj.pk])
    return reverse("leaflet:preview_translation", args=[obj._meta.model_name, obj.pk])


def label_of(model):
    return str(model._meta.verbose_name).capitalize()


# --- what publishing would change -----------------------------------------------------------


def describe(publication):
    """(changes, removed): each changed row with its field changes, and what publishing removes.

    Marks each row shown in the preview as new or changed (preview_status), for the labels
    under the questions.
    """
    changes = []
    for entry in publication.entries:
        entry.row.preview_status = "new" if entry.copy is None else ("changed" if entry.is_changed else "")
        if entry.is_changed:
            changes.append(
                {
                    "label": f"{label_of(entry.model)}: {entry.row}",
                    "standing": entry.standing,
                    "changes": entry.changes,
                }
            )
    removed = [
        f"{label_of(copy.content_type.model_class())}: {copy.as_instance()}" for copy in publication.removed
    ]
    return changes, removed


def unpublished_changes(obj):
    """What publishing `obj` would change: (changes, labels of what it would remove)."""
    return describe(Publication.of(obj))


def actions_for(obj, user, publication):
    """The banner's buttons; `seen` binds an approval to the draft this preview shows."""
    actions = {
        "object": obj,
        "edit_url": admin_url(obj),
        "publish_url": admin_url(obj, "publish"),
        "approval_url": admin_url(obj, "approval"),
        "can_publish": can_publish(user),
        "seen": publication.fingerprint,
    }
    waiting = ApprovalRequest.objects.for_object(obj).waiting().select_related("requested_by").first()
    actions["waiting"] = waiting
    if waiting is not None and actions["can_publish"]:
        actions.update(
            changed_since_sent=waiting.fingerprint != publication.fingerprint,
            approve_url=reverse("admin:approval_approve", args=[waiting.pk]),
            send_back_url=reverse("admin:approval_send_back", args=[waiting.pk]),
        )
    return actions


# --- the page -----------------------------------------------------------------------------


def _language_of(obj):
    language = getattr(obj, "language", None)
    return PageLanguage(language) if language is not None else PageLanguage()


def _shown_on(obj):
    """The leaflet or page `obj` appears on (its English row)."""
    english = getattr(obj, "english", obj) if hasattr(obj, "language") else obj
    if isinstance(english, (Page, Leaflet)):
        return english
    if isinstance(english, Question):
        return english.leaflet
    return Leaflet.objects.filter(is_home_page=True).first() or Leaflet.objects.first()


def _as_published(site, row):
    """`row` as the preview's site has it (published or drafted), or the row itself if it has neither."""
    found = site.items(type(row), pk=row.pk)
    return found[0] if found else row


def _notes(obj, site, page_item):
    notes = []
    english = getattr(obj, "english", obj)
    if getattr(obj, "show_to_families", True) is False:
        notes.append(
            f"“{obj}” is not shown to families: its ‘Show to families’ box is unticked. "
            "Publishing it keeps it hidden."
        )
    if english != page_item and not site.items(type(page_item), pk=page_item.pk, **_visible(page_item)):
        notes.append(
            f"The {label_of(type(page_item)).lower()} “{page_item}” it appears on is not live, so families "
            "will not see this until that is published and shown to them."
        )
    language = getattr(obj, "language", None)
    if language is not None and language.is_test:
        notes.append(f"{language.name} is a test language: it is never shown to families.")
    return notes


def _visible(item):
    return {"show_to_families": True} if hasattr(item, "show_to_families") else {}


def build(obj, user):
    """(template, context, site, page language) for the preview of any item staff edit."""
    publication = Publication.of(obj)
    site = WithDrafts(PublishedSite(), publication)
    here = _language_of(obj)
    changes, removed = describe(publication)
    page_item = _shown_on(obj)
    shown = _as_published(site, page_item)
    if isinstance(page_item, Page):
        context, template = footer_page(site, here, shown), PAGE_TEMPLATE
    else:
        context, template = leaflet_page(site, here, shown), LEAFLET_TEMPLATE
    notes = _notes(obj, site, page_item)
    actions = actions_for(obj, user, publication)
    if getattr(getattr(obj, "language", None), "is_test", False):
        actions["can_publish"] = False
    context["preview"] = {"changes": changes, "removed": removed, "notes": notes, **actions}
    return template, context, site, here
