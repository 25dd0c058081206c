"""Receiving feedback without cookies: each post is checked, counted, scrubbed, then stored.

Django's CSRF check needs a cookie, and public pages set none, so these views do their
own: the post must come from this site's pages (Origin), carry a token signed for the
page it is about, and leave the hidden honeypot box empty. Each refusal is explained,
as a page without JavaScript or as JSON to site.js, and stores nothing.
"""

from urllib.parse import urlencode

from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters

from . import rate_limit, texts
from .forms import HONEYPOT, ProblemForm, UsefulForm, form_context, sent_from_this_site
from .models import ProblemReport, UsefulnessAnswer
from .scrubbing import scrub
from .tokens import BadToken, ExpiredToken, check_token, token_for

PAGE_LENGTH = UsefulnessAnswer._meta.get_field("page").max_length


class SeeOther(HttpResponseRedirect):
    """After a post, the browser fetches the thank-you page with GET (never re-posts it)."""

    status_code = 303


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _refuse(request, reason, status, page=None, form=None, kind=None):
    heading, explanation = texts.say(request, "feedback_not_sent"), texts.say(request, texts.REFUSALS[reason])
    # What was wrong with the answer itself, if that could be checked.
    checked = form is not None and reason in ("invalid", "expired")
    errors = [error for field_errors in form.errors.values() for error in field_errors] if checked else []
    # A page whose token was signed by this site gets a fresh token, so the form can be sent again.
    token = token_for(page) if page else None
    if _wants_json(request):
        message = errors[0] if reason == "invalid" else explanation
        response = JsonResponse({"error": message, "token": token}, status=status)
    else:
        # The form comes back, with what was typed, whenever sending it again could work.
        again = kind is not None and token is not None and (kind == "problem" or reason != "too_many")
        context = {
            "heading": heading,
            "explanation": explanation,
            "errors": errors,
            "page": page,
            "show_form": kind if again else None,
            **(form_context(request, page, token) if again else {}),
            "text": form.data.get("text", "") if form is not None else "",
        }
        response = render(request, "feedback/not_sent.html", context, status=status)
    if reason == "too_many":
        response["Retry-After"] = str(rate_limit.seconds_left())
    return response


def _unavailable(request):
    heading, explanation = texts.UNAVAILABLE
    if _wants_json(request):
        return JsonResponse({"error": explanation}, status=503)
    # Built without the database: no footer links, no board details.
    return render(
        request, "feedback/unavailable.html", {"heading": heading, "explanation": explanation}, status=503
    )


def _receive(request, form_class, kind, store):
    if request.method != "POST":
        heading = texts.say(request, "feedback_nothing_here")
        explanation = texts.say(request, "feedback_nothing_here_more")
        response = render(
            request, "feedback/not_sent.html", {"heading": heading, "explanation": explanation}, status=405
        )
        response["Allow"] = "POST"
        return response
    if not sent_from_this_site(request):
        return _refuse(request, "foreign_origin", 403)
    page = request.POST.get("page", "")
    if len(page) <= PAGE_LENGTH:
        texts.in_language_of(request, page)
    expired = False
    try:
        if len(page) > PAGE_LENGTH:
            raise BadToken
        check_token(request.POST.get("token", ""), page)
    except ExpiredToken:
        expired = True
    except BadToken:
        return _refuse(request, "no_token", 400)
    form = form_class(request.POST, request)
    if request.POST.get(HONEYPOT):
        return _refuse(request, "honeypot", 400, page=page)
    try:
        if not rate_limit.allow(request):
            return _refuse(request, "too_many", 429, page=page, form=form, kind=kind)
        if expired or not form.is_valid():
            return _refuse(request, "expired" if expired else "invalid", 400, page=page, form=form, kind=kind)
        with transaction.atomic():
            store(page, form.cleaned_data)
    except DatabaseError:
        return _unavailable(request)
    if _wants_json(request):
        return JsonResponse({"message": texts.say(request, "feedback_thanks")})
    return SeeOther(f"{reverse('feedback:thank_you')}?{urlencode({'page': page})}")


@csrf_exempt
@never_cache
def useful(request):
    return _receive(
        request,
        UsefulForm,
        "useful",
        lambda page, data: UsefulnessAnswer.objects.create(page=page, useful=data["useful"]),
    )


@csrf_exempt
@never_cache
@sensitive_post_parameters("text")
def problem(request):
    return _receive(
        request,
        ProblemForm,
        "problem",
        # Only the scrubbed text is ever stored.
        lambda page, data: ProblemReport.objects.create(page=page, text=scrub(data["text"])),
    )


@never_cache
def thank_you(request):
    page = request.GET.get("page", "")
    # Only ever a link back into this site.
    if not (page.startswith("/") and url_has_allowed_host_and_scheme(page, allowed_hosts=None)):
        page = reverse("leaflet:home")
    texts.in_language_of(request, page)
    return render(
        request, "feedback/thank_you.html", {"heading": texts.say(request, "feedback_thanks"), "page": page}
    )
