from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.operations.backup import BackupError, restore_backup, verify


class Command(BaseCommand):
    help = "Odtwarza kopię zapasową (manage.py backup) do pustej bazy danych i pustego magazynu plików."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Plik archiwum.")
        parser.add_argument("--check", action="store_true", help="Tylko sprawdź sumy kontrolne archiwum.")

    def handle(self, *args, **options):
        try:
            if options["check"]:
                manifest = verify(Path(options["path"]))
                self.stdout.write(
                    f"Archiwum poprawne: {len(manifest['tables'])} tabel, {len(manifest['files'])} plików."
                )
                return
            summary = restore_backup(Path(options["path"]))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Odtworzono {summary.path}: {summary.tables} tabel, {summary.rows} wierszy, {summary.files} plików."
        )
