from django.core.management.base import BaseCommand

from scr_site.leaflet.reviews import send_reminders, title_of


class Command(BaseCommand):
    help = (
        "Email the person responsible for each published leaflet or page whose review is overdue or "
        "due within 30 days. Each item is emailed at most once a week, so this can run every day. "
        "Emails go only to addresses in the domains DJANGO_REVIEW_REMINDER_DOMAINS allows."
    )

    def handle(self, *args, **options):
        sent, skipped = send_reminders()
        for item in sent:
            self.stdout.write(
                f"Reminded {item.review_contact} about “{title_of(item)}” (due {item.next_review_due})."
            )
        for item, reason in skipped:
            self.stdout.write(f"Not reminded about “{title_of(item)}”: {reason}.")
        self.stdout.write(f"Sent {len(sent)} reminder(s).")
