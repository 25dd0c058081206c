"""One line on every edit page saying what families see and what is waiting."""

from dataclasses import dataclass

from ..models import ApprovalRequest
from ..models.published import published_copy
from .history import last_change
from .publishing import Status, item_status


@dataclass
class ItemStatus:
    status: Status
    live_since: object = None  # when families first saw the version they see now
    changed_by: object = None
    changed_at: object = None
    waiting: ApprovalRequest | None = None

    @property
    def is_live(self):
        return self.live_since is not None

    @property
    def has_unpublished_changes(self):
        return self.status != Status.PUBLISHED


def status_of_item(obj):
    copy = published_copy(obj)
    status = item_status(obj)
    result = ItemStatus(status, live_since=copy.published_at if copy else None)
    if status != Status.PUBLISHED:
        latest = last_change(obj)
        if latest is not None:
            result.changed_by = latest.revision.user
            result.changed_at = latest.revision.date_created
    result.waiting = ApprovalRequest.objects.for_object(obj).waiting().select_related("requested_by").first()
    return result
