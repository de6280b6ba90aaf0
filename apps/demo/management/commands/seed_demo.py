from django.core.management.base import BaseCommand

from apps.demo import accounts


class Command(BaseCommand):
    help = "Load the demo data (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        accounts.seed()
        self.stdout.write(self.style.SUCCESS("Dane demonstracyjne są gotowe."))
