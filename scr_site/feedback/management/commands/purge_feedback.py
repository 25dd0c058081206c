from django.conf import settings
from django.core.management.base import BaseCommand

from scr_site.feedback.retention import purge


class Command(BaseCommand):
    help = (
        "Delete answers to 'Is this page useful?' and problem reports older than "
        "DJANGO_FEEDBACK_RETENTION_MONTHS (12 by default). Run it daily, for example from cron."
    )

    def handle(self, *args, **options):
        answers, reports, cutoff = purge()
        self.stdout.write(
            f"Deleted {answers} answer(s) and {reports} problem report(s) received before "
            f"{cutoff:%-d %B %Y} (kept for {settings.FEEDBACK_RETENTION_MONTHS} months)."
        )
