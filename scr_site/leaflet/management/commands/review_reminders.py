from django.core.management.base import BaseCommand

from scr_site.leaflet.reviews import send_reminders


class Command(BaseCommand):
    help = (
        "Email the person responsible for each leaflet or page whose review is overdue or due within "
        "30 days. Each item is emailed at most once a week, so this can run every day."
    )

    def handle(self, *args, **options):
        sent, skipped = send_reminders()
        for item in sent:
            self.stdout.write(f"Reminded {item.review_contact} about “{item}” (due {item.next_review_due}).")
        for item, reason in skipped:
            self.stdout.write(f"Not reminded about “{item}”: {reason}.")
        self.stdout.write(f"Sent {len(sent)} reminder(s).")
