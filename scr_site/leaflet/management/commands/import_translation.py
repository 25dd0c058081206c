from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scr_site.leaflet.exchange.importing import MAX_FILE_BYTES, ImportRefused, import_translation
from scr_site.leaflet.models import Language


class Command(BaseCommand):
    help = (
        "Bring a translation agency's XLIFF file back in as drafts (nothing is published). The whole "
        "file is refused, saving nothing, if any segment is unknown, for another language, too long, or "
        "has lost or added a link, a bold term or a list item."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The XLIFF file the agency returned.")
        parser.add_argument(
            "--language", help="Refuse the file unless it is for this language (its code, for example pl)."
        )

    def handle(self, *args, file, language=None, verbosity=1, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path}: file not found. Nothing was imported.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(
                f"{path}: larger than {MAX_FILE_BYTES // 1024 // 1024} MB. Nothing was imported."
            )
        expected = None
        if language:
            expected = Language.objects.filter(code=language.strip().lower()).first()
            if expected is None:
                raise CommandError(f"There is no language “{language}”. Nothing was imported.")
        try:
            result = import_translation(path.read_bytes(), path.name, user=None, language=expected)
        except ImportRefused as error:
            problems = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(f"{path}: nothing was imported.\n{problems}") from None
        if verbosity:
            self.stdout.write(
                f"Imported {len(result.segments)} segments into {len(result.rows)} {result.language.name} "
                "drafts. Nothing is published: preview and publish them in the admin."
            )
