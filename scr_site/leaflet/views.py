from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from . import preview
from .models import Board, GuidanceLink, Leaflet, Page, Section


def _only(items):
    if not items:
        raise Http404("Nothing published at this address.")
    return items[0]


class LeafletView(TemplateView):
    """A leaflet as published: its questions, the boards' contacts and the guidance links."""

    template_name = "leaflet/leaflet.html"

    def get(self, request, slug=None):
        leaflet = _only(Leaflet.objects.published(**({"slug": slug} if slug else {"is_home_page": True})))
        # The home-page leaflet has one address: the site's root.
        if slug and leaflet.is_home_page:
            return redirect("leaflet:home", permanent=True)
        sections = Section.objects.published(leaflet_id=leaflet.pk)
        boards = Board.objects.published()
        links = GuidanceLink.objects.published()
        return self.render_to_response(
            {
                "leaflet": leaflet,
                "sections": sections,
                "boards": boards,
                "guidance_links": links,
                "last_updated": max(item.published_at for item in [leaflet, *sections, *boards, *links]),
            }
        )


class PageView(TemplateView):
    template_name = "leaflet/page.html"

    def get(self, request, slug):
        page = _only(Page.objects.published(slug=slug))
        return self.render_to_response({"page": page, "last_updated": page.published_at})


@method_decorator([never_cache, staff_member_required], name="dispatch")
class LeafletPreview(TemplateView):
    """A leaflet as it will look once its draft is published, with the changes marked."""

    template_name = "leaflet/leaflet.html"

    def get(self, request, pk):
        leaflet = get_object_or_404(Leaflet, pk=pk)
        return self.render_to_response(preview.leaflet_context(leaflet, request.user))


@never_cache
@staff_member_required
def page_preview(request, pk):
    page = get_object_or_404(Page, pk=pk)
    return render(request, "leaflet/page.html", preview.page_context(page, request.user))
