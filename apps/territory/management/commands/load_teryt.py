from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from apps.territory import services
from apps.territory.kinds import JstKind
from apps.territory.teryt import TercFileError

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "TERC_2020-01-01.csv"


class Command(BaseCommand):
    help = (
        "Load the GUS TERC register of territorial units (idempotent). Without a path, loads the copy shipped "
        "with the project; a newer official TERC file updates names and types and marks removed units inactive."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE), help="TERC file (CSV, ';', UTF-8)")

    def handle(self, *args, path: str, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Nie można odczytać pliku {path}: {error.strerror}")
        try:
            register_import = services.load_register(data=data, source=Path(path).name, by=None)
        except TercFileError as error:
            raise CommandError(f"Plik {path} odrzucony, nic nie zostało zapisane:\n{error}")
        self._print_summary(register_import)

    def _print_summary(self, register_import):
        summary = register_import.summary
        self.stdout.write(f"Rejestr TERYT, stan na {register_import.as_of:%Y-%m-%d}, z pliku {register_import.source}:")
        self.stdout.write(f"  {'rodzaj JST':<28}{'nowe':>8}{'zmienione':>11}{'nieaktywne':>12}{'bez zmian':>11}")
        totals = dict.fromkeys(services.COUNTS, 0)
        with translation.override("pl"):
            for kind in JstKind:
                counts = summary[kind.value]
                self.stdout.write(f"  {kind.label!s:<28}" + self._columns(counts))
                for what in services.COUNTS:
                    totals[what] += counts[what]
        self.stdout.write(f"  {'razem':<28}" + self._columns(totals))
        self.stdout.write(self.style.SUCCESS("Gotowe."))

    @staticmethod
    def _columns(counts: dict[str, int]) -> str:
        return "".join(f"{counts[what]:>{width}}" for what, width in zip(services.COUNTS, (8, 11, 12, 11), strict=True))
