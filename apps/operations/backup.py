"""One archive of everything the platform holds: the database (every row of every model, as Django's JSON lines)
and the private files (``STORAGES["private"]``: disk or bucket), with checksums and the schema version.

``write_backup`` reads the database inside one snapshot (PostgreSQL: a REPEATABLE READ, READ ONLY transaction;
SQLite: one transaction, which in WAL mode sees one state while writers wait), then the files. Files are never
changed in place (new names, no overwrite), so every file the snapshot names is the one it named; a file deleted
between the snapshot and its copy is reported, not silently skipped.

``restore_backup`` brings an archive into an empty database (no accounts; tables created here if missing) and an
empty storage: checks every checksum first, migrates to the archive's schema, loads the rows, writes the files,
then migrates forward to the code's schema.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

FORMAT = "doradztwo-backup/1"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


@dataclass
class Summary:
    path: Path
    tables: int
    rows: int
    files: int
    bytes: int


def private_storage():
    from apps.documents.storage import private_storage

    return private_storage


def schema_version() -> dict[str, str]:
    """The last applied migration of every app; refuses a database whose migrations are not all applied."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    if executor.migration_plan(leaves):
        raise BackupError("Nie wszystkie migracje są zastosowane; uruchom manage.py migrate.")
    return dict(sorted(leaves))


def table_counts() -> dict[str, int]:
    """Rows per table of every model (and every many-to-many table), as the database has them now."""
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables.add(model._meta.db_table)
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(tables & existing):
            # Table names from the models, quoted: nothing typed by anyone reaches the SQL.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def storage_files(storage, folder: str = "") -> list[str]:
    directories, files = storage.listdir(folder)
    names = [f"{folder}/{name}" if folder else name for name in files]
    for directory in directories:
        names += storage_files(storage, f"{folder}/{directory}" if folder else directory)
    return sorted(names)


def _sha256_of(handle) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _snapshot():
    """A transaction that sees one state of the whole database."""
    atomic = transaction.atomic()
    atomic.__enter__()
    if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    return atomic


def write_backup(path: Path) -> Summary:
    path = Path(path)
    storage = private_storage()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.jsonl"
        snapshot = _snapshot()
        try:
            schema = schema_version()
            counts = table_counts()
            call_command("dumpdata", format="jsonl", output=str(dump), use_base_manager=True, verbosity=0)
        finally:
            snapshot.__exit__(None, None, None)
        with dump.open("rb") as handle:
            dump_sha, dump_size = _sha256_of(handle)

        files, total = [], 0
        with tarfile.open(path, "w:gz") as archive:
            archive.add(dump, arcname="database.jsonl")
            for name in storage_files(storage):
                with storage.open(name, "rb") as handle:
                    sha, size = _sha256_of(handle)
                    handle.seek(0)
                    info = tarfile.TarInfo(f"files/{name}")
                    info.size = size
                    archive.addfile(info, handle)
                files.append({"name": name, "size": size, "sha256": sha})
                total += size
            manifest = {
                "format": FORMAT,
                "created_at": datetime.now(UTC).isoformat(),
                "database": {"vendor": connection.vendor, "sha256": dump_sha, "size": dump_size},
                "schema": schema,
                "tables": counts,
                "files": files,
            }
            body = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
    with path.open("rb") as handle:
        archive_sha, _ = _sha256_of(handle)
    Path(f"{path}.sha256").write_text(f"{archive_sha}  {path.name}\n")
    return Summary(path, len(counts), sum(counts.values()), len(files), total)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    except KeyError:
        raise BackupError("To nie jest kopia zapasowa platformy (brak manifest.json).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Nieznany format kopii: {manifest.get('format')!r}.")
    return manifest


def verify(path: Path) -> dict:
    """Check the archive's own checksum (its .sha256 file) and every member's; answer the manifest."""
    path = Path(path)
    sidecar = Path(f"{path}.sha256")
    if sidecar.exists():
        expected = sidecar.read_text().split()[0]
        with path.open("rb") as handle:
            if _sha256_of(handle)[0] != expected:
                raise BackupError("Suma kontrolna archiwum się nie zgadza (plik uszkodzony).")
    with tarfile.open(path, "r:gz") as archive:
        manifest = _read_manifest(archive)
        if _sha256_of(archive.extractfile("database.jsonl"))[0] != manifest["database"]["sha256"]:
            raise BackupError("Suma kontrolna bazy danych w archiwum się nie zgadza.")
        for item in manifest["files"]:
            if _sha256_of(archive.extractfile(f"files/{item['name']}"))[0] != item["sha256"]:
                raise BackupError(f"Suma kontrolna pliku {item['name']} się nie zgadza.")
    return manifest


def _database_is_empty() -> bool:
    from django.contrib.auth import get_user_model

    User = get_user_model()  # noqa: N806
    if User._meta.db_table not in connection.introspection.table_names():
        return True
    return not User.objects.exists()


def restore_backup(path: Path) -> Summary:
    path = Path(path)
    manifest = verify(path)
    storage = private_storage()
    if not _database_is_empty():
        raise BackupError("Baza danych nie jest pusta (są w niej konta); kopię odtwarza się do pustej bazy.")
    if storage_files(storage):
        raise BackupError("Magazyn plików prywatnych nie jest pusty; kopię odtwarza się do pustego magazynu.")

    executor = MigrationExecutor(connection)
    known = set(executor.loader.graph.nodes)
    schema = manifest["schema"]
    unknown = sorted(f"{app}.{name}" for app, name in schema.items() if (app, name) not in known)
    if unknown:
        raise BackupError("Kopia pochodzi z nowszej wersji platformy (nieznane migracje: " + ", ".join(unknown) + ").")
    # The archive's schema first, so that its rows fit; then forward to this code's schema.
    executor.migrate(list(schema.items()))
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.jsonl"
        with dump.open("wb") as out:
            source = archive.extractfile("database.jsonl")
            while chunk := source.read(CHUNK):
                out.write(chunk)
        with transaction.atomic():
            # Rows the migrations made (content types, permissions, data migrations) come back from the archive.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
        total = 0
        for item in manifest["files"]:
            data = archive.extractfile(f"files/{item['name']}").read()
            saved = storage.save(item["name"], ContentFile(data))
            if saved != item["name"]:
                raise BackupError(f"Plik {item['name']} zapisano pod inną nazwą ({saved}).")
            total += len(data)
    call_command("migrate", interactive=False, verbosity=0)
    return Summary(path, len(manifest["tables"]), sum(manifest["tables"].values()), len(manifest["files"]), total)
