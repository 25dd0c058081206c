"""Approval: an Editor sends a draft to the Publishers, who publish it or send it back.

A request records the draft exactly as it was sent (its Publication's values and their
fingerprint). Approving publishes that and nothing else: if the draft has changed since it
was sent, or since the Publisher opened it, approval is refused and the Publisher is shown
what changed, to review it again. Each step is emailed to the people who act next and kept
in the item's history.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ..admin_links import absolute, admin_url
from ..models import ApprovalRequest
from ..permissions import PUBLISH
from . import activity
from .preview import preview_url
from .publication import Publication
from .publishing import publish

Kind = activity.Kind


class ApprovalRefused(Exception):
    """The draft is not the one that was sent, or not the one the Publisher looked at.

    `since_sent` lists what changed since the request was sent ([] if nothing did);
    `publication` is the draft as it is now, for the Publisher to review again.
    """

    def __init__(self, message, publication, since_sent):
        super().__init__(message)
        self.publication = publication
        self.since_sent = since_sent


TEST_LANGUAGE = "“{obj}” is in a test language, only for previewing layouts: it is never published."


def in_test_language(obj):
    return getattr(getattr(obj, "language", None), "is_test", False)


def publishers():
    """Everyone who can publish and has an email address."""
    app_label, codename = PUBLISH.split(".")
    can_publish = Q(
        groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label
    )
    can_publish |= Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | can_publish, is_active=True, is_staff=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def name_of(user):
    if user is None:
        return "someone no longer on the staff list"
    return user.get_full_name() or user.get_username()


def when(moment, dated=False):
    """A moment as staff read it: "14:02" today, "14:02 on 3 March 2027" before (or always, for an email)."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate() and not dated:
        return local.strftime("%H:%M")
    return local.strftime("%H:%M on %-d %B %Y")


def links_for(obj):
    """Full addresses for an email about `obj`."""
    return {
        "edit": absolute(admin_url(obj)),
        "preview": absolute(preview_url(obj)),
        "changes": absolute(admin_url(obj, "changes")),
        "home": absolute(reverse("admin:index")),
    }


@transaction.atomic
def send_for_approval(obj, user, comment=""):
    """Ask the Publishers to approve `obj`'s draft as it is now. Asking again updates the one request."""
    publication = Publication.of(obj)
    waiting = ApprovalRequest.objects.for_object(obj).waiting().first()
    if waiting is None:
        waiting = ApprovalRequest(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    waiting.object_repr = str(obj)[:200]
    waiting.requested_by = user
    waiting.requested_at = timezone.now()
    waiting.comment = comment
    waiting.draft = publication.snapshot()
    waiting.fingerprint = publication.fingerprint
    waiting.save()
    activity.record(obj, user, Kind.SUBMITTED, comment)
    recipients = [person.email for person in publishers() if person != user]
    if recipients:
        _email(
            recipients,
            f"Waiting for your approval: {_one_line(obj)}",
            "admin/leaflet/email/sent_for_approval.txt",
            {"request": waiting, "requester": name_of(user), "links": links_for(obj)},
        )
    return waiting


def check(approval, seen, changes_reviewed=False):
    """The Publication approving would publish, or ApprovalRefused.

    `seen` is the fingerprint of the draft the Publisher was shown. `changes_reviewed` says
    they were shown what changed since the request was sent, and approve the draft as it is.
    """
    publication = Publication.of(approval.item)
    if in_test_language(approval.item):
        raise ApprovalRefused(TEST_LANGUAGE.format(obj=approval.item), publication, [])
    current = publication.fingerprint
    since_sent = [] if approval.fingerprint == current else publication.differences_from(approval.draft or {})
    if seen != current:
        raise ApprovalRefused(
            "The draft has changed since you opened it, so it was not published. Review it as it is now.",
            publication,
            since_sent,
        )
    if approval.fingerprint != current and not changes_reviewed:
        raise ApprovalRefused(
            f"“{approval.object_repr}” has changed since {name_of(approval.requested_by)} sent it for "
            "approval, so it was not published. Review what changed before approving it.",
            publication,
            since_sent,
        )
    return publication


@transaction.atomic
def approve(approval, user, seen, changes_reviewed=False):
    """Publish the draft the Publisher reviewed, and close the request. Returns the item."""
    publication = check(approval, seen, changes_reviewed)
    publish(publication, user, kind=Kind.APPROVED, approval=approval)
    return publication.item


@transaction.atomic
def send_back(approval, user, comment):
    obj = approval.item
    approval.state = ApprovalRequest.State.SENT_BACK
    approval.decided_by = user
    approval.decided_at = timezone.now()
    approval.decision_comment = comment
    approval.save()
    activity.record(obj, user, Kind.SENT_BACK, comment, for_user=approval.requested_by)
    requester = approval.requested_by
    if requester is not None and requester.email:
        _email(
            [requester.email],
            f"Sent back: {_one_line(obj)}",
            "admin/leaflet/email/sent_back.txt",
            {"request": approval, "publisher": name_of(user), "links": links_for(obj)},
        )
    return approval


def _one_line(obj):
    # An email subject is one line, however the title was typed.
    return " ".join(str(obj).split())[:150]


def _email(recipients, subject, template, context):
    send_mail(subject, render_to_string(template, context), None, recipients)
