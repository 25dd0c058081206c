"""Sending a draft for approval, and a Publisher approving it or sending it back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..admin_links import admin_url
from ..drafts import approval
from ..drafts.preview import describe, preview_url, unpublished_changes
from ..drafts.publication import Publication
from ..models import ApprovalRequest
from ..permissions import can_publish

# Ticked on the review page: the Publisher has seen what changed since the request was sent.
CHANGES_REVIEWED = "changes_reviewed"


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Comment for the Publishers (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, what you changed and why. Up to 2,000 characters.",
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The person who sent it gets this by email. Up to 2,000 characters.",
        error_messages={"required": "Say what needs to change, so they know what to do next."},
    )


class ApprovalMixin:
    def approval_urls(self):
        view = self.admin_site.admin_view(self.approval_view)
        return [path("<path:object_id>/approval/", view, name=self.url_name("approval"))]

    def approval_view(self, request, object_id):
        """Send the saved draft to every Publisher, with an optional comment."""
        obj = get_object_or_404(self.model, pk=object_id)
        # Publishers publish; asking for approval is for those who cannot.
        if can_publish(request.user) or not self.has_change_permission(request, obj):
            raise PermissionDenied
        if approval.in_test_language(obj):
            self.message_user(request, approval.TEST_LANGUAGE.format(obj=obj), messages.ERROR)
            return redirect(admin_url(obj))
        form = CommentForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            approval.send_for_approval(obj, request.user, form.cleaned_data["comment"])
            self.message_user(
                request,
                f"Sent “{obj}” for approval. The Publishers have been emailed; families will see it once "
                "one of them publishes it.",
                messages.SUCCESS,
            )
            return redirect(admin_url(obj))
        changes, removed = unpublished_changes(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Send “{obj}” for approval",
            "form": form,
            "changes": changes,
            "removed": removed,
            "preview_url": preview_url(obj),
            "waiting": ApprovalRequest.objects.for_object(obj).waiting().first(),
        }
        return TemplateResponse(request, "admin/leaflet/send_for_approval.html", context)


# --- the Publishers' side: admin-site pages, linked from the home page ----------


def _waiting_request(request, pk):
    if not can_publish(request.user):
        raise PermissionDenied
    waiting = get_object_or_404(ApprovalRequest.objects.waiting(), pk=pk)
    if waiting.item is None:
        raise Http404("The item this request was about has been deleted.")
    return waiting


def approve_view(request, pk, admin_site):
    """Approve the draft the Publisher has looked at; refused, with what changed, if it is not the one sent.

    GET shows the review page: what changed since the request was sent, and the draft against
    what is live, with an Approve button bound to exactly that draft.
    """
    waiting = _waiting_request(request, pk)
    problem = ""
    if request.method == "POST":
        try:
            obj = approval.approve(
                waiting,
                request.user,
                seen=request.POST.get("seen", ""),
                changes_reviewed=request.POST.get(CHANGES_REVIEWED) == "yes",
            )
        except approval.ApprovalRefused as refused:
            problem = str(refused)
        else:
            messages.success(request, f"Approved “{obj}”: it is live now, and families can see it.")
            return redirect(reverse("admin:index"))
    return _review_page(request, admin_site, waiting, problem)


def _review_page(request, admin_site, waiting, problem):
    obj = waiting.item
    publication = Publication.of(obj)
    since_sent = (
        [] if waiting.fingerprint == publication.fingerprint else publication.differences_from(waiting.draft)
    )
    changes, removed = describe(publication)
    context = {
        **admin_site.each_context(request),
        "title": f"Approve “{obj}”",
        "request_for_approval": waiting,
        "object": obj,
        "opts": obj._meta,
        "problem": problem,
        "changed_since_sent": waiting.fingerprint != publication.fingerprint,
        "since_sent": since_sent,
        "seen": publication.fingerprint,
        "changes_reviewed": CHANGES_REVIEWED,
        "changes": changes,
        "removed": removed,
        "preview_url": preview_url(obj),
        "send_back_url": reverse("admin:approval_send_back", args=[waiting.pk]),
    }
    return TemplateResponse(request, "admin/leaflet/approve.html", context, status=409 if problem else 200)


def send_back_view(request, pk, admin_site):
    waiting = _waiting_request(request, pk)
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approval.send_back(waiting, request.user, form.cleaned_data["comment"])
        messages.success(request, f"Sent “{waiting.object_repr}” back with your comment.")
        return redirect(reverse("admin:index"))
    obj = waiting.item
    changes, removed = unpublished_changes(obj)
    context = {
        **admin_site.each_context(request),
        "title": f"Send “{obj}” back",
        "request_for_approval": waiting,
        "object": obj,
        "opts": obj._meta,
        "form": form,
        "changes": changes,
        "removed": removed,
        "preview_url": preview_url(obj),
    }
    return TemplateResponse(request, "admin/leaflet/send_back.html", context)


def site_urls(admin_site):
    """The approval pages that belong to the admin site rather than to one kind of content."""

    def bound(view):
        def with_site(request, pk):
            return view(request, pk, admin_site)

        return admin_site.admin_view(with_site)

    return [
        path("approvals/<int:pk>/approve/", bound(approve_view), name="approval_approve"),
        path("approvals/<int:pk>/send-back/", bound(send_back_view), name="approval_send_back"),
    ]
