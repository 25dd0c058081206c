"""One line on every edit page saying what families see and what is waiting."""

from dataclasses import dataclass

from ..models import ApprovalRequest
from .history import last_change
from .publication import Publication
from .states import Standing


@dataclass
class ItemStatus:
    standing: Standing
    live_since: object = None  # when families first saw the version they see now
    changed_by: object = None
    changed_at: object = None
    waiting: ApprovalRequest | None = None

    @property
    def is_live(self):
        return self.standing.is_live

    @property
    def was_published(self):
        return self.standing.was_published

    @property
    def has_draft(self):
        return self.standing.has_draft


def status_of_item(obj, publication=None):
    publication = publication or Publication.of(obj)
    copy = publication.own.copy
    result = ItemStatus(publication.standing, live_since=copy.published_at if copy else None)
    if result.has_draft:
        latest = last_change(obj)
        if latest is not None:
            result.changed_by = latest.revision.user
            result.changed_at = latest.revision.date_created
    result.waiting = ApprovalRequest.objects.for_object(obj).waiting().select_related("requested_by").first()
    return result
