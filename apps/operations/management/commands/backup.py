from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.operations.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Kopia zapasowa: baza danych i pliki prywatne w jednym archiwum (z sumami kontrolnymi i wersją schematu)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Plik archiwum (domyślnie var/backups/backup-<czas>.tar.gz).")

    def handle(self, *args, **options):
        from django.conf import settings

        path = options["path"]
        if not path:
            folder = Path(settings.VAR_DIR) / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            summary = write_backup(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Zapisano {summary.path}: {summary.tables} tabel, {summary.rows} wierszy, "
            f"{summary.files} plików ({summary.bytes} B); suma kontrolna w {summary.path}.sha256"
        )
