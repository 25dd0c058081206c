"""What each public page shows, in a given language, from published content or from drafts."""

from django.http import Http404

from .localise import localised, translations_by_english
from .models import Board, GuidanceLink, Leaflet, Page, Question
from .models.published import ordering_key, visible_to_families
from .registry import ON_EVERY_LEAFLET, translation_of


def _shown(site, model, **lookups):
    return site.items(model, **visible_to_families(model, lookups))


def _only(items):
    if not items:
        raise Http404("Nothing published at this address.")
    return items[0]


def _translations(site, here, model):
    """{English item's id: its translation} of `model`'s items in `here`'s language."""
    return translations_by_english(site, translation_of(model), here)


def _translated(site, here, items, model):
    return localised(items, _translations(site, here, model), here)


def find_leaflet(site, slug=None):
    return _only(_shown(site, Leaflet, **({"slug": slug} if slug else {"is_home_page": True})))


def leaflet_page(site, here, leaflet):
    """The leaflet, its questions, the boards' contacts and the guidance links, in `here`'s language."""
    questions = _shown(site, Question, leaflet_id=leaflet.pk)
    for question in questions:
        question.english_url = f"{leaflet.get_absolute_url()}#{question.anchor}"
    boards = _shown(site, Board)
    links = _shown(site, GuidanceLink)
    parts = [leaflet, *questions, *boards, *links]
    parts += [
        translation
        for model in (Leaflet, Question, *ON_EVERY_LEAFLET)
        for translation in _translations(site, here, model).values()
    ]
    return {
        "leaflet": _translated(site, here, [leaflet], Leaflet)[0],
        "questions": _translated(site, here, questions, Question),
        "boards": _translated(site, here, boards, Board),
        "guidance_links": _translated(site, here, links, GuidanceLink),
        "last_updated": max(_changed_at(item) for item in parts),
    }


def find_page(site, slug):
    return _only(_shown(site, Page, slug=slug))


def footer_page(site, here, page):
    shown = _translated(site, here, [page], Page)[0]
    translation = _translations(site, here, Page).get(page.pk)
    parts = [page] + ([translation] if translation is not None else [])
    return {"page": shown, "last_updated": max(_changed_at(part) for part in parts)}


def _changed_at(item):
    # A published copy says when it was published; a draft in a preview, when it was saved.
    return getattr(item, "published_at", None) or item.updated_at


class WithDrafts:
    """Published content with a Publication's drafts in place of their copies, for previews.

    What it holds is exactly what publishing would leave live: the draft rows instead of their
    published copies, and without the copies publishing would remove.
    """

    def __init__(self, site, publication):
        self.site = site
        self.drafts = publication.rows
        self.removed = {(copy.content_type.model_class(), copy.object_id) for copy in publication.removed}

    def items(self, model, **lookups):
        mine = [row for row in self.drafts if type(row) is model]
        hidden = {row.pk for row in mine} | {pk for kind, pk in self.removed if kind is model}
        published = [item for item in self.site.items(model, **lookups) if item.pk not in hidden]
        matching = [row for row in mine if all(getattr(row, k) == v for k, v in lookups.items())]
        return sorted(published + matching, key=ordering_key(model))
