from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from scr_site.admin_site import staff_required

from . import preview
from .models import Board, GuidanceLink, Leaflet, Page, Section, visible_to_families
from .publishing import published_site


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
        sections = _published(request, Section, leaflet_id=leaflet.pk)
        boards = _published(request, Board)
        links = _published(request, GuidanceLink)
        return self.render_page(
            {
                "leaflet": leaflet,
                "sections": sections,
                "boards": boards,
                "guidance_links": links,
                "last_updated": max(item.published_at for item in [leaflet, *sections, *boards, *links]),
            }
        )


class PageView(PublicPage):
    template_name = "leaflet/page.html"

    def get(self, request, slug):
        page = _only(_published(request, Page, slug=slug))
        return self.render_page({"page": page, "last_updated": page.published_at})


@method_decorator([never_cache, staff_required], name="dispatch")
class LeafletPreview(TemplateView):
    """A leaflet as it will look once its draft is published, with the changes marked."""

    template_name = "leaflet/leaflet.html"

    def get(self, request, pk):
        leaflet = get_object_or_404(Leaflet, pk=pk)
        return self.render_to_response(preview.leaflet_context(leaflet, request.user))


@never_cache
@staff_required
def page_preview(request, pk):
    page = get_object_or_404(Page, pk=pk)
    return render(request, "leaflet/page.html", preview.page_context(page, request.user))
