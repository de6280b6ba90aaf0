from django.core.management.base import BaseCommand

from apps.catalog.services import ensure_initial_catalog


class Command(BaseCommand):
    help = "Load version 1 of the model's catalogue from the programme's sources (idempotent)."

    def handle(self, *args, **options):
        version = ensure_initial_catalog()
        self.stdout.write(self.style.SUCCESS(f"Katalog modelu: {version} ({version.get_status_display()})."))
