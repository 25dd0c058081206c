"""Telling people that a restore replaced their work, and closing the requests it overtook.

Inside the restore's transaction, `settle` keeps a DRAFT_REPLACED entry in the restored item's
history for each draft of someone else's that it replaced (for_user = the draft's author). It
also closes each request for approval that the restore overtook (drafts/replaced.py), with a
REQUEST_CLOSED entry for the person who sent it. Once the restore is saved, `tell` emails each
of those people once: what was replaced, by whom and when, and where their text is kept. For
30 days their home page says so too (`notices_for`). Each notice links to a compare of their
draft with what replaced it.

The compare is found from the entry's time. Its entries are kept inside the restore's revision,
which reversion dates from its start. So the newest version at or before an entry is the
restore's own, and the one before that holds the draft it replaced.
"""

import datetime
import smtplib
from dataclasses import dataclass, field

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import timezone

from ..admin_links import absolute, admin_url
from ..models import Activity, ApprovalRequest
from . import activity
from .approval import name_of, when
from .history import versions_of

Kind = activity.Kind

# How long a person's home page tells them a restore replaced their work.
SHOWN_FOR = datetime.timedelta(days=30)


def kept_in(row):
    return f"The draft is kept in the history of “{row}”."


def settle(restore_plan, row, user, what):
    """Record each replaced draft and close each overtaken request. Returns the requests closed.

    `what` says what happened ("Pat Publisher restored the version of “…” saved on …").
    """
    overtaken = restore_plan.overtaken
    now = timezone.now()
    for request in overtaken.requests:
        request.state = ApprovalRequest.State.CLOSED
        request.decided_by, request.decided_at = user, now
        request.decision_comment = f"{what}, which rewrote the draft this request was about. {kept_in(row)}"
        request.save()
        activity.record_about(
            request.content_type,
            request.object_id,
            request.object_repr,
            user,
            Kind.REQUEST_CLOSED,
            request.decision_comment,
            for_user=request.requested_by,
        )
    # Kept after the requests, so a history read newest first names the replaced draft first.
    for draft in overtaken.others(user):
        comment = f"{what}, which {draft.describe(dated=True, past=True)}. {kept_in(row)}"
        activity.record(row, user, Kind.DRAFT_REPLACED, comment, for_user=draft.author)
    return list(overtaken.requests)


@dataclass
class _Letter:
    person: object
    drafts: list = field(default_factory=list)
    requests: list = field(default_factory=list)


def tell(restore_plan, row, user, what):
    """Email everyone whose draft was replaced or whose request was closed, once each.

    Returns who could not be emailed, and why, for the person restoring to tell them another way.
    """
    letters = {}
    for draft in restore_plan.overtaken.others(user):
        if draft.author is not None:
            letter = letters.setdefault(draft.author.pk, _Letter(draft.author))
            letter.drafts.append(draft.summary(dated=True))
    for request in restore_plan.overtaken.requests:
        person = request.requested_by
        if person is not None and person.pk != user.pk:
            sent = f"“{request.object_repr}”, sent {when(request.requested_at, dated=True)}"
            letters.setdefault(person.pk, _Letter(person)).requests.append(sent)
    compare = compare_path(row, timezone.now())
    links = {
        "history": absolute(admin_url(row, "history")),
        "compare": absolute(compare) if compare else "",
    }
    subject_item = " ".join(str(row).split())[:150]
    not_emailed = []
    for letter in letters.values():
        person = letter.person
        if not person.is_active:
            not_emailed.append(f"{name_of(person)} (their account is switched off)")
            continue
        if not person.email:
            not_emailed.append(f"{name_of(person)} (no email address)")
            continue
        subject = "Your draft was replaced by a restore"
        if not letter.drafts:
            subject = "Your request for approval was closed"
        body = render_to_string(
            "admin/leaflet/email/draft_replaced.txt",
            {"what": what, "item": row, "letter": letter, "links": links},
        )
        try:
            send_mail(f"{subject}: {subject_item}", body, None, [person.email])
        except (smtplib.SMTPException, OSError):
            not_emailed.append(f"{name_of(person)} (the email could not be sent)")
    return not_emailed


def compare_path(item, moment):
    """The compare of `item`'s version just before a restore at `moment` with the restore's own version."""
    versions = list(versions_of(item).filter(revision__date_created__lte=moment)[:2])
    if len(versions) < 2:
        return None
    restored, before = versions
    return f"{admin_url(item, 'compare')}?from={before.pk}&to={restored.pk}"


@dataclass
class Notice:
    entry: Activity
    item: object  # None once the item is deleted
    history_url: str | None = None
    compare_url: str | None = None


def notices_for(user):
    """What restores did to `user`'s work in the last 30 days, newest first, for their home page."""
    entries = Activity.objects.filter(
        for_user=user,
        kind__in=[Kind.DRAFT_REPLACED, Kind.REQUEST_CLOSED],
        at__gte=timezone.now() - SHOWN_FOR,
    ).select_related("user", "content_type")
    notices = []
    for entry in entries:
        item = entry.content_type.model_class()._default_manager.filter(pk=entry.object_id).first()
        notice = Notice(entry, item)
        if item is not None:
            try:
                notice.history_url = admin_url(item, "history")
                notice.compare_url = compare_path(item, entry.at)
            except NoReverseMatch:
                pass
        notices.append(notice)
    return notices
