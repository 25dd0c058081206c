"""Every address a family can open, read from the published copies, for the sitemap."""

from dataclasses import dataclass
from datetime import datetime

from scr_site.leaflet.models import Board, GuidanceLink, Leaflet, Page, Question
from scr_site.leaflet.models.published import published_site, visible_to_families


@dataclass(frozen=True)
class PublicAddress:
    url_name: str
    slug: str | None
    last_modified: datetime


def _published(request, model, **lookups):
    return published_site(request).items(model, **visible_to_families(model, lookups))


def list_public_addresses(request):
    """The published leaflets and pages, each with when what it shows was last published.

    A leaflet shows its questions, the boards and the guidance links, so it changes when
    any of them is published (as its page's Last-Modified says).
    """
    shared = _published(request, Board) + _published(request, GuidanceLink)
    addresses = []
    for leaflet in _published(request, Leaflet):
        parts = [leaflet, *_published(request, Question, leaflet_id=leaflet.pk), *shared]
        addresses.append(
            PublicAddress(
                "leaflet:home" if leaflet.is_home_page else "leaflet:detail",
                None if leaflet.is_home_page else leaflet.slug,
                max(part.published_at for part in parts),
            )
        )
    for page in _published(request, Page):
        addresses.append(PublicAddress("leaflet:page", page.slug, page.published_at))
    return addresses
