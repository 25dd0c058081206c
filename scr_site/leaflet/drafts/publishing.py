"""Publishing: the one way content reaches families, and withdrawing, the one way it leaves.

Every path that puts content live calls `publish`: the action bar's Publish, approving a
request, the list's bulk action, publishing a leaflet with its questions, boards and links,
publishing a translation, and load_content. It writes the values its Publication captured,
records who published and why, closes the approval requests it answers, and tells the page
cache, marking a withdrawal when it hides or removes anything.

Every path that takes content off the site goes through `withdraw`: deleting an item of any
kind (and whatever the deletion takes with it), and publishing a hidden item or a leaflet
without a question it had. Restoring and importing never publish: they write drafts.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from scr_site import page_cache

from ..models import ApprovalRequest, PublishedCopy
from ..models.published import copies_of, published_copy
from ..models.reviews import a_year_after
from ..registry import translation_of
from . import activity
from .publication import Publication, draft_data
from .states import shown

Kind = activity.Kind


class TestLanguageNotPublished(Exception):
    """Test languages are for previews only: families never see them."""


def publish(publication, user, *, kind=Kind.PUBLISHED, comment="", approval=None):
    """Put `publication` live, exactly as it was captured. Returns it.

    `kind` is how the history names the step (published or approved); `approval` is the
    request being approved, if any. Rows whose published values are already these keep their
    date, so "Live since" means the last time their words changed.
    """
    item = publication.item
    language = publication.language
    if language is not None and language.is_test:
        raise TestLanguageNotPublished(f"“{item}” is in a test language, for previews only.")
    with transaction.atomic():
        now = timezone.now()
        hidden = []
        for entry in publication.entries:
            if entry.copy is not None and entry.copy.data == entry.data:
                continue
            if entry.copy is not None and shown(entry.copy.data) and not shown(entry.data):
                hidden.append(entry.row)
            PublishedCopy.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(entry.row),
                object_id=entry.row.pk,
                defaults={"data": entry.data, "published_at": now, "published_by": user},
            )
        for copy in publication.removed:
            _withdraw_copies(copy.content_type.model_class(), [copy.object_id])
        requester = approval.requested_by if approval is not None else None
        activity.record(item, user, kind, comment, for_user=requester)
        for row in hidden:
            activity.record(row, user, Kind.WITHDRAWN, "Hidden from families.")
        _settle_requests(publication, user, approval)
        page_cache.invalidate(withdrawal=bool(hidden))
    return publication


def publish_item(obj, user, **how):
    """Publish `obj` as its preview shows it now, with everything published together with it."""
    return publish(Publication.of(obj), user, **how)


def _settle_requests(publication, user, approval):
    """Publishing a row answers every request waiting for it: each is closed as published."""
    rows = Q(pk__in=[])
    for entry in publication.entries:
        rows |= Q(content_type=ContentType.objects.get_for_model(entry.row), object_id=entry.row.pk)
    now = timezone.now()
    for waiting in ApprovalRequest.objects.waiting().filter(rows).select_related("requested_by"):
        waiting.state = ApprovalRequest.State.APPROVED
        waiting.decided_by, waiting.decided_at = user, now
        item = publication.item
        is_the_item = (waiting.content_type.model_class(), waiting.object_id) == (type(item), item.pk)
        if not is_the_item:
            waiting.decision_comment = f"Published with “{item}”."
        waiting.save()
        if waiting != approval and waiting.item is not None:
            activity.record(
                waiting.item, user, Kind.PUBLISHED, waiting.decision_comment, for_user=waiting.requested_by
            )


# --- withdrawing ---------------------------------------------------------------------------

# Set while a restore rewrites the drafts: a row it removes stays live until the next publication.
_deleting_drafts = ContextVar("deleting_drafts", default=False)


@contextmanager
def deletions_are_drafts():
    """Rows deleted inside this block are removed from the draft only, not from the public site."""
    token = _deleting_drafts.set(True)
    try:
        yield
    finally:
        _deleting_drafts.reset(token)


def withdraw_deleted(sender, instance, **kwargs):
    """A row is deleted (by staff, or with the item it belonged to): take it off the site.

    Its waiting requests for approval are closed either way: nothing is left to approve.
    """
    if not _deleting_drafts.get():
        _withdraw_copies(sender, [instance.pk])
    ApprovalRequest.objects.for_object(instance).waiting().update(
        state=ApprovalRequest.State.CLOSED,
        decided_at=timezone.now(),
        decision_comment="Deleted, so there is nothing left to approve.",
    )


def _withdraw_copies(model, pks):
    """Remove the published copies of `model`'s rows `pks`, and of their translations in every language."""
    copies = copies_of(model).filter(object_id__in=pks)
    translation = translation_of(model)
    if translation is not None:
        copies = copies | copies_of(translation).filter(data__english_id__in=pks)
    # Each deletion tells the page cache, as a withdrawal (scr_site/leaflet/public_changes.py).
    for copy in copies:
        copy.delete()


def mark_reviewed(obj, user, on):
    """Record a review. Review dates are shown to families at once: a review changes no content."""
    obj.last_reviewed_on = on
    obj.reviewed_by = user
    obj.next_review_due = a_year_after(on)
    obj.save(update_fields=["last_reviewed_on", "reviewed_by", "next_review_due"])
    copy = published_copy(obj)
    if copy is not None:
        fresh = draft_data(obj)
        copy.data.update(
            {key: fresh[key] for key in ("last_reviewed_on", "reviewed_by_id", "next_review_due")}
        )
        copy.save(update_fields=["data"])
