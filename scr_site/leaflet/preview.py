"""What a draft will look like when published, and how it differs from what families see now."""

from django.urls import reverse
from django.utils import timezone

from .diffs import changes_between
from .models import Board, GuidanceLink, Leaflet, Section
from .publishing import Status, draft_data, leaflet_changes, published_copy, status_of

LABELS = {Leaflet: "Leaflet", Section: "Question", Board: "Board", GuidanceLink: "Guidance link"}


def _describe(obj, label, copy):
    status = status_of(obj, copy)
    changes = changes_between(type(obj), copy.data if copy else {}, draft_data(obj))
    obj.preview_status = status
    return {"label": label, "status": status, "changes": changes} if status != Status.PUBLISHED else None


def _actions(obj, user):
    info = obj._meta.app_label, obj._meta.model_name
    return {
        "object": obj,
        "edit_url": reverse("admin:{}_{}_change".format(*info), args=[obj.pk]),
        "publish_url": reverse("admin:{}_{}_publish".format(*info), args=[obj.pk]),
        "can_publish": user.has_perm("leaflet.publish_content"),
    }


def leaflet_context(leaflet, user):
    items, removed = leaflet_changes(leaflet)
    changes = [_describe(row, f"{LABELS[type(row)]}: {row}", copy) for row, copy in items]
    removed_labels = [f"{LABELS[copy.content_type.model_class()]}: {copy.as_instance()}" for copy in removed]
    return {
        "leaflet": leaflet,
        "sections": [row for row, _ in items if isinstance(row, Section) and row.published],
        "boards": [row for row, _ in items if isinstance(row, Board)],
        "guidance_links": [row for row, _ in items if isinstance(row, GuidanceLink)],
        "last_updated": timezone.now(),
        "preview": {
            "changes": [c for c in changes if c],
            "removed": removed_labels,
            **_actions(leaflet, user),
        },
    }


def page_context(page, user):
    change = _describe(page, f"Page: {page.title}", published_copy(page))
    return {
        "page": page,
        "last_updated": timezone.now(),
        "preview": {"changes": [change] if change else [], "removed": [], **_actions(page, user)},
    }
