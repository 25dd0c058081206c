"""The answer editor's server side, open to signed-in staff only.

django-markdownx's own views answer anyone. Here the preview needs a staff login
and renders with the same sanitiser as the public pages; image upload is refused.
"""

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from scr_site.admin_site import staff_required

from .markdown import render


@staff_required
@require_POST
def markdown_preview(request):
    if "content" not in request.POST:
        return HttpResponseBadRequest("Nothing to preview: the request had no 'content' field.")
    return HttpResponse(render(request.POST["content"]))


@staff_required
@require_POST
def image_upload(request):
    return JsonResponse(
        {"image": ["Pictures cannot be added to the leaflet. Describe what you need in words instead."]},
        status=403,
    )
