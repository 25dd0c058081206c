from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView

from .models import Board, GuidanceLink, Leaflet, Page, Section


class LeafletView(DetailView):
    """A leaflet with its questions, the boards' contacts and the guidance links."""

    template_name = "leaflet/leaflet.html"
    context_object_name = "leaflet"

    def get_queryset(self):
        return Leaflet.objects.published().prefetch_related(
            Prefetch("sections", queryset=Section.objects.published(), to_attr="published_sections")
        )

    def get_object(self, queryset=None):
        queryset = queryset if queryset is not None else self.get_queryset()
        if "slug" in self.kwargs:
            return get_object_or_404(queryset, slug=self.kwargs["slug"])
        return get_object_or_404(queryset, is_home_page=True)

    def get(self, request, *args, **kwargs):
        # The home-page leaflet has one address: the site's root.
        if "slug" in kwargs:
            leaflet = self.get_object()
            if leaflet.is_home_page:
                return redirect("leaflet:home", permanent=True)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        boards = list(Board.objects.all())
        links = list(GuidanceLink.objects.all())
        leaflet = self.object
        context.update(
            sections=leaflet.published_sections,
            boards=boards,
            guidance_links=links,
            last_updated=max(
                item.updated_at for item in [leaflet, *leaflet.published_sections, *boards, *links]
            ),
        )
        return context


class PageView(DetailView):
    template_name = "leaflet/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()
