"""E-mail the people responsible for HDR actions that end soon. The scheduler runs this every day at 08:00
(``plans.send_action_reminders`` in apps/plans/hooks.py); the command runs the same service by hand.

Safe to run as often as you like: each action gets one reminder per due date (see services.send_action_reminders).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.plans.services import send_action_reminders


class Command(BaseCommand):
    help = "Przypomnienia o zbliżającym się terminie zakończenia działań HDR (idempotentne)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Dzień, z którego perspektywy liczyć terminy (RRRR-MM-DD); domyślnie dziś.")

    def handle(self, *args, **options):
        on = None
        if options.get("date"):
            try:
                on = date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("Podaj datę w formacie RRRR-MM-DD.") from error
        sent = send_action_reminders(on=on)
        self.stdout.write(f"Wysłano przypomnień: {sent}")
