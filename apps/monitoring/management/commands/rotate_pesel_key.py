from django.core.management.base import BaseCommand, CommandError

from apps.monitoring import crypto
from apps.monitoring.services import rotate_pesel_key


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored PESEL with the current MONITORING_PESEL_KEY and recompute its lookup hash, in "
        "batches; the previous secrets must be listed in MONITORING_PESEL_OLD_KEYS while it runs (decision 0027). "
        "Idempotent: a second run changes nothing. Each edition touched gets one entry in its history."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="rows per transaction (default 500)")

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size musi wynosić co najmniej 1.")
        if len(crypto.secrets()) < 2:
            self.stdout.write(
                "MONITORING_PESEL_OLD_KEYS jest puste: odczytam tylko numery zaszyfrowane bieżącym kluczem."
            )
        verbosity = options.get("verbosity", 1)

        def progress(done, total):
            if verbosity > 1:
                self.stdout.write(f"{done}/{total}")

        result = rotate_pesel_key(by=None, batch_size=batch_size, progress=progress)
        self.stdout.write(
            f"Zaszyfrowano ponownie: {result.rotated}; już pod bieżącym kluczem: {result.current}; "
            f"nieczytelne żadnym z podanych kluczy: {result.unreadable}."
        )
        if result.unreadable:
            raise CommandError(
                f"Nie da się odczytać {result.unreadable} numerów PESEL bieżącym ani starymi kluczami: dopisz klucz, "
                "którym je zaszyfrowano, do MONITORING_PESEL_OLD_KEYS i uruchom polecenie ponownie."
            )
