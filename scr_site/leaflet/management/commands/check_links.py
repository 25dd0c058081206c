import argparse

from django.core.management.base import BaseCommand

from scr_site.leaflet.links.checker import check_and_record
from scr_site.leaflet.models import GuidanceLink


def positive_seconds(value):
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds <= 300:
        raise argparse.ArgumentTypeError(f"must be a number of seconds between 0 and 300, not {value!r}")
    return seconds


class Command(BaseCommand):
    help = (
        "Check that every guidance link, drafts included, still opens a page, and record the result for "
        "the admin. Only addresses on the public internet are visited. Broken links are reported, not "
        "fixed; the command succeeds even when some are broken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=positive_seconds,
            default=10,
            help="Seconds each link's whole check may take, redirects included (default: 10).",
        )

    def handle(self, *args, timeout=10, verbosity=1, **options):
        links = list(GuidanceLink.objects.all())
        if not links:
            if verbosity:
                self.stdout.write("No guidance links to check.")
            return

        counts = {"ok": 0, "redirected": 0, "broken": 0}
        for link in links:
            # Each line is written as soon as its link is checked, so a slow website shows where it stuck.
            result = check_and_record(link, timeout=timeout)
            name = f"{link.title} ({link.url})"
            if result.broken:
                counts["broken"] += 1
                line = self.style.ERROR(f"BROKEN      {name}: {result.problem}")
            elif result.redirected:
                counts["redirected"] += 1
                line = self.style.WARNING(f"REDIRECTED  {name} -> {result.final_url}")
            else:
                counts["ok"] += 1
                line = self.style.SUCCESS(f"OK          {name}")
            if verbosity:
                self.stdout.write(line)

        if verbosity:
            self.stdout.write(
                f"Checked {len(links)} link{'' if len(links) == 1 else 's'}: {counts['ok']} OK, "
                f"{counts['redirected']} redirected, {counts['broken']} broken."
            )
