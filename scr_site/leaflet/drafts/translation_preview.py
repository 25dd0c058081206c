"""A translation's preview: the page in that language, with the translation's drafts in place.

A leaflet's translation shows every translation publishing it would publish (its
questions', the boards', the links' and the site's own words in that language); any other
translation shows the published page with just that one draft in place. Test languages
can be previewed, though never published.
"""

from django.utils import timezone

from ..localise import PageLanguage
from ..models import Leaflet, LeafletTranslation, PageTranslation, QuestionTranslation
from ..models.published import PublishedSite, published_copy
from ..pages import WithDrafts, footer_page, leaflet_page
from .preview import actions_for, describe_all
from .publishing import changes


def _published_or_draft(obj):
    copy = published_copy(obj)
    return copy.as_instance() if copy else obj


def translation_context(obj, user):
    """(template, context) for the preview of a translation."""
    here = PageLanguage(obj.language)
    items, removed = changes(obj)
    site = WithDrafts(PublishedSite(), [row for row, _ in items])
    described, removed_labels = describe_all(items, removed)
    banner = {"changes": described, "removed": removed_labels, **actions_for(obj, user)}
    if obj.language.is_test:
        banner["can_publish"] = False
        banner["hidden_note"] = f"{obj.language.name} is a test language: it is never shown to families."
    if isinstance(obj, PageTranslation):
        context = footer_page(site, here, _published_or_draft(obj.english))
        template = "leaflet/page.html"
    else:
        if isinstance(obj, LeafletTranslation):
            leaflet = obj.english
        elif isinstance(obj, QuestionTranslation):
            leaflet = obj.english.leaflet
        else:
            leaflet = Leaflet.objects.filter(is_home_page=True).first() or Leaflet.objects.first()
        context = leaflet_page(site, here, _published_or_draft(leaflet))
        template = "leaflet/leaflet.html"
    context.update(last_updated=timezone.now(), preview=banner, preview_site=site, page_language=here)
    return template, context
