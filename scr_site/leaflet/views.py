from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from scr_site.admin_site import staff_required

from . import pages
from .drafts import preview as drafts_preview
from .localise import language_for
from .models.published import published_site
from .permissions import can
from .registry import PUBLISHED


class PublicPage(TemplateView):
    """A page built only from published content, in the language its address asks for.

    The page cache may keep it. In another language it is rendered with that language
    active, so dates read as that language writes them.
    """

    def page_language(self, request, language):
        here = language_for(published_site(request), language)
        request.page_language = here
        return here

    def render_page(self, here, context):
        # Found, and at the same address in every language: it offers the language links.
        self.request.in_every_language = True
        response = self.render_to_response(context)
        with translation.override(settings.LANGUAGE_CODE if here.is_english else here.code):
            response.render()
        response.cacheable = True
        response["Last-Modified"] = http_date(context["last_updated"].timestamp())
        if not here.is_english:
            response["Content-Language"] = here.code
        return response


class LeafletView(PublicPage):
    """A leaflet as published: its questions, the boards' contacts and the guidance links."""

    template_name = "leaflet/leaflet.html"

    def get(self, request, slug=None, language=None):
        here = self.page_language(request, language)
        site = published_site(request)
        leaflet = pages.find_leaflet(site, slug)
        # The home-page leaflet has one address: the site's root (or the language's).
        if slug and leaflet.is_home_page:
            return redirect(here.url(reverse("leaflet:home")), permanent=True)
        return self.render_page(here, pages.leaflet_page(site, here, leaflet))


class PageView(PublicPage):
    template_name = "leaflet/page.html"

    def get(self, request, slug, language=None):
        here = self.page_language(request, language)
        site = published_site(request)
        return self.render_page(here, pages.footer_page(site, here, pages.find_page(site, slug)))


@never_cache
@staff_required
def preview(request, kind, pk):
    """A staff-only, never-cached preview of any item staff edit, for those allowed to view it."""
    model = next((model for model in PUBLISHED if model._meta.model_name == kind), None)
    if model is None:
        raise Http404("There is no such kind of item.")
    if not can(request.user, "view", model):
        raise PermissionDenied
    obj = get_object_or_404(model, pk=pk)
    template, context, site, here = drafts_preview.build(obj, request.user)
    request.is_preview = True
    request.preview_site = site
    request.page_language = here
    with translation.override(settings.LANGUAGE_CODE if here.is_english else here.code):
        return render(request, template, context)
