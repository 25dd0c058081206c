from django.core.management.base import BaseCommand

from scr_site.leaflet.pseudo import pseudo_translate


class Command(BaseCommand):
    help = (
        "Make the two test languages from the English, or make them again: en-xa (accented and about "
        "40% longer) and ar-xb (right to left). Preview them in the admin to see where longer or "
        "mirrored text breaks a page. They are never offered to families and never published."
    )

    def handle(self, *args, verbosity=1, **options):
        report = pseudo_translate()
        if verbosity:
            names = " and ".join(f"{language.code} ({language.name})" for language in report.languages)
            self.stdout.write(
                f"Made {names} from the English: {report.items} items and {report.labels} interface "
                "labels each, as drafts. Preview them from the admin; they are never published."
            )
