"""What a draft will look like when published, and how it differs from what families see now."""

from django.urls import reverse
from django.utils import timezone

from .diffs import changes_between
from .models import Board, GuidanceLink, Section
from .publishing import Status, copies_of, draft_data, published_copy, status_of


def _describe(obj, label, copy):
    status = status_of(obj, copy)
    changes = changes_between(type(obj), copy.data if copy else {}, draft_data(obj))
    obj.preview_status = status
    return {"label": label, "status": status, "changes": changes} if status != Status.PUBLISHED else None


def _copies_by_id(model):
    return {copy.object_id: copy for copy in copies_of(model)}


def _actions(obj, user):
    info = obj._meta.app_label, obj._meta.model_name
    return {
        "object": obj,
        "edit_url": reverse("admin:{}_{}_change".format(*info), args=[obj.pk]),
        "publish_url": reverse("admin:{}_{}_publish".format(*info), args=[obj.pk]),
        "can_publish": user.has_perm("leaflet.publish_content"),
    }


def leaflet_context(leaflet, user):
    section_copies = {copy.object_id: copy for copy in copies_of(Section).filter(data__leaflet_id=leaflet.pk)}
    board_copies, link_copies = _copies_by_id(Board), _copies_by_id(GuidanceLink)
    all_sections = list(leaflet.sections.all())
    sections = [section for section in all_sections if section.published]
    boards, links = list(Board.objects.all()), list(GuidanceLink.objects.all())

    changes = [_describe(leaflet, f"Leaflet: {leaflet.title}", published_copy(leaflet))]
    changes += [_describe(s, f"Question: {s.question}", section_copies.get(s.pk)) for s in all_sections]
    changes += [_describe(b, f"Board: {b.name}", board_copies.get(b.pk)) for b in boards]
    changes += [_describe(g, f"Guidance link: {g.title}", link_copies.get(g.pk)) for g in links]
    removed = [
        f"Question: {copy.data.get('question')}"
        for object_id, copy in section_copies.items()
        if object_id not in {s.pk for s in all_sections}
    ]
    removed += [
        f"Board: {c.data.get('name')}" for i, c in board_copies.items() if i not in {b.pk for b in boards}
    ]
    removed += [
        f"Guidance link: {c.data.get('title')}"
        for i, c in link_copies.items()
        if i not in {g.pk for g in links}
    ]
    return {
        "leaflet": leaflet,
        "sections": sections,
        "boards": boards,
        "guidance_links": links,
        "last_updated": timezone.now(),
        "preview": {"changes": [c for c in changes if c], "removed": removed, **_actions(leaflet, user)},
    }


def page_context(page, user):
    change = _describe(page, f"Page: {page.title}", published_copy(page))
    return {
        "page": page,
        "last_updated": timezone.now(),
        "preview": {"changes": [change] if change else [], "removed": [], **_actions(page, user)},
    }
