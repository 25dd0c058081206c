from smtplib import SMTPException

from django.core.management.base import BaseCommand, CommandError

from scr_site.feedback.digest import NotDue, send_digest


class Command(BaseCommand):
    help = (
        "Email the weekly summary of feedback to the address in Site settings. It is sent once a week "
        "at most, covering the days since the last one, so this can run every day (for example from cron)."
    )

    def handle(self, *args, **options):
        try:
            digest = send_digest()
        except NotDue as reason:
            self.stdout.write(f"No summary sent: {reason}.")
            return
        except (OSError, SMTPException) as error:
            raise CommandError(
                f"The summary could not be sent ({error}). Nothing was recorded: run again."
            ) from None
        period = f"{digest.covers_from:%-d %B} to {digest.covers_to:%-d %B %Y}"
        self.stdout.write(f"Sent the summary of {period} to {digest.sent_to}.")
