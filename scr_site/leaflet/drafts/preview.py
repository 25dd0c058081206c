"""What a draft will look like when published, and how it differs from what families see now.

A leaflet's preview shows every draft that publishing the leaflet would publish. A
question's, a board's or a guidance link's preview shows the leaflet as families see
it now with just that one draft in place, since publishing it publishes it alone.
"""

from django.urls import reverse
from django.utils import timezone

from ..admin_links import admin_url
from ..models import ApprovalRequest, Board, GuidanceLink, Leaflet, Page, Question
from ..models.published import PublishedSite, published_copy, visible_to_families
from ..permissions import can_publish
from .diffs import changes_between
from .publishing import Status, changes, draft_data, status_of

LABELS = {
    Leaflet: "Leaflet",
    Question: "Question",
    Board: "Board",
    GuidanceLink: "Guidance link",
    Page: "Page",
}
# The name of each kind's preview address in scr_site/leaflet/urls.py.
_URL_NAMES = {
    Leaflet: "leaflet:preview_leaflet",
    Question: "leaflet:preview_question",
    Board: "leaflet:preview_board",
    GuidanceLink: "leaflet:preview_guidancelink",
    Page: "leaflet:preview_page",
}


def preview_url(obj):
    if type(obj) in _URL_NAMES:
        return reverse(_URL_NAMES[type(obj)], args=[obj.pk])
    return reverse("leaflet:preview_translation", args=[obj._meta.model_name, obj.pk])


def label_of(model):
    return LABELS.get(model) or str(model._meta.verbose_name).capitalize()


def _describe(obj, copy):
    status = status_of(obj, copy)
    changes = changes_between(type(obj), copy.data if copy else {}, draft_data(obj))
    obj.preview_status = status
    if status == Status.PUBLISHED:
        return None
    return {"label": f"{label_of(type(obj))}: {obj}", "status": status, "changes": changes}


def actions_for(obj, user, hidden_note=""):
    actions = {
        "object": obj,
        "edit_url": admin_url(obj),
        "publish_url": admin_url(obj, "publish"),
        "can_publish": can_publish(user),
        "hidden_note": hidden_note,
    }
    waiting = ApprovalRequest.objects.for_object(obj).waiting().select_related("requested_by").first()
    if waiting is not None and actions["can_publish"]:
        actions.update(
            waiting=waiting,
            approve_url=reverse("admin:approval_approve", args=[waiting.pk]),
            send_back_url=reverse("admin:approval_send_back", args=[waiting.pk]),
        )
    return actions


def _shown(item):
    return getattr(item, "show_to_families", True)


def unpublished_changes(obj):
    """What publishing `obj` would change: (changes, labels of what it would remove)."""
    return describe_all(*changes(obj))


def describe_all(items, removed):
    # Describing each row also marks it (preview_status) for the "New" and "Changed" labels.
    changes = [_describe(row, copy) for row, copy in items]
    removed_labels = [
        f"{label_of(copy.content_type.model_class())}: {copy.as_instance()}" for copy in removed
    ]
    return [change for change in changes if change], removed_labels


def leaflet_context(leaflet, user):
    items, removed = changes(leaflet)
    described, removed_labels = describe_all(items, removed)
    return {
        "leaflet": leaflet,
        "questions": [row for row, _ in items if isinstance(row, Question) and row.show_to_families],
        "boards": [row for row, _ in items if isinstance(row, Board)],
        "guidance_links": [row for row, _ in items if isinstance(row, GuidanceLink)],
        "last_updated": timezone.now(),
        "preview": {
            "changes": described,
            "removed": removed_labels,
            **actions_for(leaflet, user, "" if leaflet.show_to_families else _hidden(leaflet)),
        },
    }


def item_context(obj, user):
    """The leaflet as families see it, with this one question, board or link as drafted."""
    leaflet = obj.leaflet if isinstance(obj, Question) else Leaflet.objects.filter(is_home_page=True).first()
    leaflet = leaflet or Leaflet.objects.first()
    copy = published_copy(leaflet) if leaflet else None
    shown_leaflet = copy.as_instance() if copy else leaflet
    site = PublishedSite(models=[Question, Board, GuidanceLink])

    def with_draft(model, **lookups):
        items = [
            item for item in site.items(model, **visible_to_families(model, lookups)) if item.pk != obj.pk
        ]
        if isinstance(obj, model) and _shown(obj):
            items.append(obj)
        return sorted(items, key=lambda item: (item.order, item.pk))

    changes, _ = unpublished_changes(obj)
    return {
        "leaflet": shown_leaflet,
        "questions": with_draft(Question, leaflet_id=leaflet.pk if leaflet else None),
        "boards": with_draft(Board),
        "guidance_links": with_draft(GuidanceLink),
        "last_updated": timezone.now(),
        "preview": {
            "changes": changes,
            "removed": [],
            **actions_for(obj, user, "" if _shown(obj) else _hidden(obj)),
        },
    }


def page_context(page, user):
    changes, _ = unpublished_changes(page)
    return {
        "page": page,
        "last_updated": timezone.now(),
        "preview": {
            "changes": changes,
            "removed": [],
            **actions_for(page, user, "" if page.show_to_families else _hidden(page)),
        },
    }


def _hidden(obj):
    return (
        f"“{obj}” is not shown to families: its ‘Show to families’ box is unticked. "
        "Publishing it keeps it hidden."
    )
