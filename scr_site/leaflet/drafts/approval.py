"""Approval: an Editor sends a draft to the Publishers, who publish it or send it back.

Each step is emailed to the people who act next and kept in the item's history.
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
from .publishing import publish_item


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
    """Ask the Publishers to approve `obj`'s draft. One waiting request per item: asking again updates it."""
    waiting = ApprovalRequest.objects.for_object(obj).waiting().first()
    if waiting is None:
        waiting = ApprovalRequest(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    waiting.object_repr = str(obj)[:200]
    waiting.requested_by = user
    waiting.requested_at = timezone.now()
    waiting.comment = comment
    waiting.save()
    activity.record(obj, user, activity.SENT_FOR_APPROVAL, comment)
    recipients = [person.email for person in publishers() if person != user]
    if recipients:
        _email(
            recipients,
            f"Waiting for your approval: {_one_line(obj)}",
            "admin/leaflet/email/sent_for_approval.txt",
            {"request": waiting, "requester": name_of(user), "links": links_for(obj)},
        )
    return waiting


@transaction.atomic
def approve(approval, user):
    """Publish the item as it is now and close the request."""
    obj = approval.item
    publish_item(obj, user)
    close_waiting(obj, user, ApprovalRequest.State.APPROVED)
    activity.record(obj, user, activity.APPROVED)
    return obj


@transaction.atomic
def send_back(approval, user, comment):
    obj = approval.item
    approval.state = ApprovalRequest.State.SENT_BACK
    approval.decided_by = user
    approval.decided_at = timezone.now()
    approval.decision_comment = comment
    approval.save()
    activity.record(obj, user, activity.SENT_BACK, comment)
    requester = approval.requested_by
    if requester is not None and requester.email:
        _email(
            [requester.email],
            f"Sent back: {_one_line(obj)}",
            "admin/leaflet/email/sent_back.txt",
            {"request": approval, "publisher": name_of(user), "links": links_for(obj)},
        )
    return approval


def close_waiting(obj, user, state=ApprovalRequest.State.APPROVED):
    """Publishing an item answers any request waiting for it."""
    ApprovalRequest.objects.for_object(obj).waiting().update(
        state=state, decided_by=user, decided_at=timezone.now()
    )


def _one_line(obj):
    # An email subject is one line, however the title was typed.
    return " ".join(str(obj).split())[:150]


def _email(recipients, subject, template, context):
    send_mail(subject, render_to_string(template, context), None, recipients)
