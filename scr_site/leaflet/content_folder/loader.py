"""Putting the content/ files into the database without overwriting staff edits."""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction

from ..drafts.publication import Publication
from ..drafts.publishing import publish
from ..models import Board, GuidanceLink, Leaflet, Page, Question, SeededItem, SiteSettings
from .files import ContentError, read_leaflets, read_list, read_pages, shown
from .translation_files import check_against_english, read_translations
from .translation_loader import load_translations

ORDER_STEP = 10  # leaves room for staff to slot an item in between two others
# How an item staff created in the admin is recognised in content/ files.
NATURAL_KEYS = {Leaflet: "slug", Question: "anchor", Page: "slug", Board: "name", GuidanceLink: "title"}
LOADED = "Loaded from content/"


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    reset: list = field(default_factory=list)
    kept: list = field(default_factory=list)
    skipped_deleted: list = field(default_factory=list)


class _Loader:
    def __init__(self, reset):
        self.reset = reset
        self.report = LoadReport()
        self.seeded = set(SeededItem.objects.values_list("key", flat=True))

    def put(self, model, key, values, **lookup):
        """Create and publish the row for `key` if it is new, or overwrite and publish it when resetting.

        A row that was loaded once and has since been deleted by staff is not
        brought back unless resetting.
        """
        existing = model.objects.filter(source_key=key, **lookup).first() or self._made_by_staff(
            model, values, lookup
        )
        if existing is not None and not existing.source_key:
            # An item staff made (say, before an export) is the same one: adopt it, never duplicate it.
            model.objects.filter(pk=existing.pk).update(source_key=key)
            existing.source_key = key
        if existing is None:
            if key in self.seeded and not self.reset:
                self.report.skipped_deleted.append(key)
                return None
            obj = model(source_key=key, **lookup, **values)
            self._save(obj, key)
            SeededItem.objects.get_or_create(key=key)
            self.report.created.append(key)
            return obj
        if self.reset:
            for name, value in values.items():
                setattr(existing, name, value)
            self._save(existing, key)
            self.report.reset.append(key)
        else:
            self.report.kept.append(key)
        return existing

    @staticmethod
    def _made_by_staff(model, values, lookup):
        # A translation is known by its English item and language alone, both in `lookup`.
        natural = {NATURAL_KEYS[model]: values[NATURAL_KEYS[model]]} if model in NATURAL_KEYS else {}
        return model.objects.filter(source_key="", **natural, **lookup).first()

    @staticmethod
    def _save(obj, key):
        try:
            obj.full_clean(validate_unique=False)
        except ValidationError as error:
            problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
            raise ContentError(f"{key}: {problems}") from None
        # Kept in the item's history, so the original wording can always be compared and restored.
        with reversion.create_revision():
            obj.save()
            reversion.set_comment(LOADED)
        publish(Publication.single(obj), user=None, comment=LOADED)


def _review_dates(data):
    """Optional `last_reviewed` (a date) and `review_contact` (an email) from a file's header."""
    return {"last_reviewed_on": data.get("last_reviewed"), "review_contact": data.get("review_contact") or ""}


def _load_leaflet(loader, data):
    leaflet = loader.put(
        Leaflet,
        f"leaflet:{data['slug']}",
        {
            "slug": data["slug"],
            "title": data["title"],
            "is_home_page": bool(data.get("home_page")),
            "introduction": (data.get("introduction") or "").strip(),
            "closing_text": (data.get("closing_text") or "").strip(),
            "further_reading": (data.get("further_reading") or "").strip(),
            "show_to_families": shown(data),
            **_review_dates(data),
        },
    )
    if leaflet is None:
        return
    for position, question in enumerate(data["questions"], start=1):
        loader.put(
            Question,
            f"question:{data['slug']}/{question['anchor']}",
            {
                "question": question["question"],
                "anchor": question["anchor"],
                "answer": question["answer"],
                "order": position * ORDER_STEP,
                "show_to_families": shown(question),
            },
            leaflet=leaflet,
        )


@transaction.atomic
def load_content(content_dir, reset=False):
    """Load everything in `content_dir`; return what was created, reset and kept."""
    loader = _Loader(reset)
    # Read every file before writing anything, so a broken file changes nothing.
    leaflets = read_leaflets(content_dir)
    boards = read_list(content_dir / "boards.yaml", ["key", "name", "town", "postcode", "telephone", "email"])
    links = read_list(content_dir / "guidance.yaml", ["key", "title", "url"])
    pages = read_pages(content_dir)
    translations = read_translations(content_dir)
    # The English of each list translations name items of by key (translation_files.LIST_FILES).
    lists = {"boards": boards, "guidance": links}
    check_against_english(translations, leaflets, lists, pages)

    for data in leaflets:
        # One version holds the leaflet and all its questions, so restoring it restores them all.
        with reversion.create_revision():
            reversion.set_comment(LOADED)
            _load_leaflet(loader, data)

    for position, board in enumerate(boards, start=1):
        loader.put(
            Board,
            f"board:{board['key']}",
            {
                "name": board["name"],
                "address_lines": (board.get("address_lines") or "").strip(),
                "town": board["town"],
                "postcode": board["postcode"],
                "telephone": str(board["telephone"]),
                "email": board["email"],
                "website": board.get("website") or "",
                "order": position * ORDER_STEP,
            },
        )

    for position, link in enumerate(links, start=1):
        loader.put(
            GuidanceLink,
            f"guidance:{link['key']}",
            {
                "title": link["title"],
                "url": link["url"],
                "description": link.get("description") or "",
                "order": position * ORDER_STEP,
            },
        )

    for page in pages:
        loader.put(
            Page,
            f"page:{page['slug']}",
            {
                "title": page["title"],
                "slug": page["slug"],
                "summary": page.get("summary") or "",
                "body": page["body"],
                "footer_order": page.get("footer_order", 0),
                **_review_dates(page),
                "show_in_footer": page.get("show_in_footer", True),
                "show_to_families": shown(page),
            },
        )

    load_translations(loader, translations, leaflets, lists, pages)
    SiteSettings.load()
    return loader.report
