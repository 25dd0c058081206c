import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scr_site.leaflet.exchange.exporting import translation_file
from scr_site.leaflet.models import Language


class Command(BaseCommand):
    help = (
        "Write the XLIFF 1.2 file to send a translation agency: every text the language does not have "
        "yet, or whose English has changed since it was translated, with where it appears and any length "
        "limit. Bring the agency's file back with import_translation."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="The language's code, for example pl.")
        parser.add_argument(
            "-o",
            "--output",
            help="Where to write the file (default: scr-site-<code>-<date>.xlf here; - for standard output).",
        )
        parser.add_argument("--force", action="store_true", help="Replace the output file if it exists.")

    def handle(self, *args, code, output=None, force=False, verbosity=1, **options):
        language = Language.objects.filter(code=code.strip().lower()).first()
        if language is None:
            known = ", ".join(Language.objects.real().values_list("code", flat=True)) or "none yet"
            raise CommandError(f"There is no language “{code}”. Languages on this site: {known}.")
        if language.is_test:
            raise CommandError(
                f"{language.name} is a test language, made by pseudo_translate: never sent out."
            )
        exported = translation_file(language)
        if exported is None:
            self.stdout.write(f"Nothing to translate: everything in {language.name} matches the English.")
            return
        if output == "-":
            sys.stdout.buffer.write(exported.content)
            return
        path = Path(output or exported.name)
        if path.exists() and not force:
            raise CommandError(f"{path} already exists. Nothing was written. Give --force to replace it.")
        path.write_bytes(exported.content)
        if verbosity:
            self.stdout.write(f"Wrote {exported.segments} segments for {language.name} to {path}.")
