from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scr_site.leaflet.content_folder.files import ContentError
from scr_site.leaflet.content_folder.loader import load_content


class Command(BaseCommand):
    help = (
        "Load the leaflet, its questions, the boards, the guidance links, the pages and any translations "
        "from content/. "
        "Creates what is missing and leaves anything already loaded (and so anything staff "
        "have edited or deleted) alone, unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite the loaded items with the text in content/, undoing staff edits to them.",
        )
        parser.add_argument(
            "--content-dir", default=settings.CONTENT_DIR, help="Folder to read (default: content/)."
        )

    def handle(self, *args, reset=False, content_dir=None, verbosity=1, **options):
        try:
            report = load_content(Path(content_dir), reset=reset)
        except ContentError as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        if verbosity:
            self.stdout.write(
                f"Created {len(report.created)}, reset {len(report.reset)}, "
                f"left unchanged {len(report.kept)}, not recreated because staff deleted them "
                f"{len(report.skipped_deleted)}."
            )
