from django.core.management.base import BaseCommand

from apps.recruitment.services import publish_due_results


class Command(BaseCommand):
    help = (
        "Publish the recruitment results of editions whose results date has come and whose every submitted "
        "application has a decision (the scheduler runs it daily at 06:00; idempotent)."
    )

    def handle(self, *args, **options):
        published = publish_due_results()
        for edition in published:
            self.stdout.write(f"Opublikowano wyniki naboru: {edition.name}")
        if not published:
            self.stdout.write("Brak naborów do automatycznej publikacji wyników.")
