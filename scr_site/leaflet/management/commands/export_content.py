from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scr_site.leaflet.content_folder.export import content_files_not_written, exported_files, write_files


class Command(BaseCommand):
    help = (
        "Write the published leaflets, questions, pages, boards, guidance links and translations (not "
        "unpublished drafts, nor the test languages) to a folder, in the same format as content/, so "
        "they can be reviewed or loaded with load_content."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Where to write the files. Must be empty or not exist yet.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Write into a folder that already has files in it, replacing only the files this "
            "export writes and leaving the others alone.",
        )

    def handle(self, *args, folder, force=False, verbosity=1, **options):
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is a file, not a folder. Nothing was written.")
        if folder.is_dir() and any(folder.iterdir()) and not force:
            raise CommandError(
                f"{folder} is not empty. Nothing was written. Choose an empty folder, or give --force "
                "to replace the files the export writes there."
            )
        written = write_files(folder, exported_files())
        if verbosity:
            for path in written:
                self.stdout.write(f"Wrote {path}")
            self.stdout.write(f"Exported {len(written)} files to {folder}.")
        # load_content would read these along with the export, so they must not go unnoticed.
        for path in content_files_not_written(folder, written):
            self.stderr.write(f"Not written by this export, but load_content would read it: {path}")
