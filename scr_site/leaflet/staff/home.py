"""The admin home page: what needs doing, for the person signed in."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from ..admin_links import admin_url
from ..drafts.history import HISTORY_MODELS, last_change
from ..drafts.preview import preview_url
from ..drafts.publication import Publication, draft_data
from ..drafts.restore_notices import notices_for
from ..drafts.states import Standing, standing
from ..drafts.translations import all_out_of_date
from ..links.checker import BROKEN
from ..models import ApprovalRequest, GuidanceLink, QuestionTranslation
from ..models.published import copies_of
from ..permissions import can, can_publish
from ..reviews import due_for_review

# How long an Editor is shown a draft that was sent back to them.
SENT_BACK_SHOWN_FOR = datetime.timedelta(days=30)


@dataclass
class WaitingItem:
    request: ApprovalRequest
    obj: object
    edit_url: str
    preview_url: str
    changes_url: str
    approve_url: str
    send_back_url: str
    # The draft as the Publisher sees it listed here, which Approve is bound to.
    seen: str
    changed_since_sent: bool


@dataclass
class DraftItem:
    obj: object
    kind: str
    standing: Standing
    saved_at: datetime.datetime
    edit_url: str
    preview_url: str


def waiting_for_approval():
    items = []
    for waiting in ApprovalRequest.objects.waiting().select_related("requested_by", "content_type"):
        obj = waiting.item
        if obj is None:
            continue
        fingerprint = Publication.of(obj).fingerprint
        items.append(
            WaitingItem(
                request=waiting,
                obj=obj,
                edit_url=admin_url(obj),
                preview_url=preview_url(obj),
                changes_url=admin_url(obj, "changes"),
                approve_url=reverse("admin:approval_approve", args=[waiting.pk]),
                send_back_url=reverse("admin:approval_send_back", args=[waiting.pk]),
                seen=fingerprint,
                changed_since_sent=fingerprint != waiting.fingerprint,
            )
        )
    return items


def drafts_of(user):
    """Items whose unpublished changes were last made by `user`, newest first."""
    drafts = []
    for model in HISTORY_MODELS:
        if not can(user, "change", model):
            continue
        copies = {copy.object_id: copy for copy in copies_of(model)}
        for obj in model.objects.all():
            copy = copies.get(obj.pk)
            where = standing(copy.data if copy else None, draft_data(obj))
            if not where.has_draft:
                continue
            last = last_change(obj)
            if last is not None and last.revision.user_id == user.pk:
                drafts.append(
                    DraftItem(
                        obj,
                        model._meta.verbose_name,
                        where,
                        last.revision.date_created,
                        admin_url(obj),
                        preview_url(obj),
                    )
                )
    return sorted(drafts, key=lambda item: item.saved_at, reverse=True)


def requests_by(user):
    """The user's own requests: still waiting, or sent back to them lately."""
    since = timezone.now() - SENT_BACK_SHOWN_FOR
    mine = ApprovalRequest.objects.filter(requested_by=user).select_related("decided_by", "content_type")
    return {
        "waiting": list(mine.waiting()),
        "sent_back": list(mine.filter(state=ApprovalRequest.State.SENT_BACK, decided_at__gte=since)),
    }


# On the home page, at most this many out-of-date translations per language; the rest are a link away.
OUT_OF_DATE_SHOWN = 10


@dataclass
class LanguageBehind:
    language: object
    items: list
    count: int
    list_url: str


def translations_behind():
    """Per language, the translations whose English has changed since, with what changed."""
    by_language = {}
    for stale in all_out_of_date():
        by_language.setdefault(stale.language, []).append(stale)
    return [
        LanguageBehind(language, items[:OUT_OF_DATE_SHOWN], len(items), admin_url(language, "outofdate"))
        for language, items in by_language.items()
    ]


def panels(request):
    user = request.user
    return {
        "translations_behind": translations_behind() if can(user, "view", QuestionTranslation) else [],
        "can_publish": can_publish(user),
        "waiting_for_approval": waiting_for_approval() if can_publish(user) else [],
        "my_requests": requests_by(user),
        "replaced_work": notices_for(user),
        "my_drafts": drafts_of(user),
        "reviews_due": due_for_review(),
        "broken_links": list(GuidanceLink.objects.filter(BROKEN)) if can(user, "view", GuidanceLink) else [],
    }
