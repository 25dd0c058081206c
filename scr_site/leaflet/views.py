from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from scr_site.admin_site import staff_required

from .drafts import preview
from .models import Board, GuidanceLink, Leaflet, Page, Question
from .models.published import published_site, visible_to_families
from .permissions import can


def _published(request, model, **lookups):
    return published_site(request).items(model, **visible_to_families(model, lookups))


def _only(items):
    if not items:
        raise Http404("Nothing published at this address.")
    return items[0]


class PublicPage(TemplateView):
    """A page built only from published content, which the page cache may keep."""

    def render_page(self, context):
        response = self.render_to_response(context)
        response.cacheable = True
        response["Last-Modified"] = http_date(context["last_updated"].timestamp())
        return response


class LeafletView(PublicPage):
    """A leaflet as published: its questions, the boards' contacts and the guidance links."""

    template_name = "leaflet/leaflet.html"

    def get(self, request, slug=None):
        leaflet = _only(_published(request, Leaflet, **({"slug": slug} if slug else {"is_home_page": True})))
        # The home-page leaflet has one address: the site's root.
        if slug and leaflet.is_home_page:
            return redirect("leaflet:home", permanent=True)
        questions = _published(request, Question, leaflet_id=leaflet.pk)
        boards = _published(request, Board)
        links = _published(request, GuidanceLink)
        return self.render_page(
            {
                "leaflet": leaflet,
                "questions": questions,
                "boards": boards,
                "guidance_links": links,
                "last_updated": max(item.published_at for item in [leaflet, *questions, *boards, *links]),
            }
        )


class PageView(PublicPage):
    template_name = "leaflet/page.html"

    def get(self, request, slug):
        page = _only(_published(request, Page, slug=slug))
        return self.render_page({"page": page, "last_updated": page.published_at})


def _preview(model, template, build):
    """A staff-only, never-cached preview of one item, for those allowed to view that kind of item."""

    @never_cache
    @staff_required
    def view(request, pk):
        if not can(request.user, "view", model):
            raise PermissionDenied
        obj = get_object_or_404(model, pk=pk)
        return render(request, template, build(obj, request.user))

    return view


LEAFLET_TEMPLATE = "leaflet/leaflet.html"
preview_leaflet = _preview(Leaflet, LEAFLET_TEMPLATE, preview.leaflet_context)
preview_question = _preview(Question, LEAFLET_TEMPLATE, preview.item_context)
preview_board = _preview(Board, LEAFLET_TEMPLATE, preview.item_context)
preview_guidancelink = _preview(GuidanceLink, LEAFLET_TEMPLATE, preview.item_context)
preview_page = _preview(Page, "leaflet/page.html", preview.page_context)
