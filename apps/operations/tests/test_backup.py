"""Backup → empty database and storage → restore: equal row counts in every table, byte-identical files (SQLite
here, PostgreSQL in CI's second run); a damaged archive or a non-empty target is refused."""

import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from apps.documents.storage import private_storage
from apps.operations.backup import storage_files, table_counts
from tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def _files():
    result = {}
    for name in storage_files(private_storage):
        with private_storage.open(name, "rb") as handle:
            result[name] = handle.read()
    return result


def _empty_everything():
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    for name in storage_files(private_storage):
        private_storage.delete(name)


def test_round_trip(tmp_path):
    build_world()
    private_storage.save("recruitment/2027/podpisana-karta.pdf", ContentFile(b"%PDF-1.7\n" + bytes(range(256)) * 40))
    private_storage.save("messaging/zalacznik.bin", ContentFile(bytes(reversed(range(256))) * 10))
    counts, files = table_counts(), _files()
    assert counts["accounts_user"] > 5 and len(files) >= 2

    archive = tmp_path / "kopia.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    assert (tmp_path / "kopia.tar.gz.sha256").read_text().endswith("  kopia.tar.gz\n")
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "database.jsonl"} <= set(tar.getnames())

    with pytest.raises(CommandError, match="nie jest pusta"):
        call_command("restore", str(archive), verbosity=0)

    _empty_everything()
    assert table_counts()["accounts_user"] == 0 and _files() == {}
    call_command("restore", str(archive), verbosity=0)

    assert table_counts() == counts
    assert _files() == files


def test_a_damaged_archive_is_refused(tmp_path):
    private_storage.save("a.txt", ContentFile(b"abc"))
    archive = tmp_path / "kopia.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    call_command("restore", str(archive), "--check", verbosity=0)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="Suma kontrolna"):
        call_command("restore", str(archive), "--check", verbosity=0)
