"""The English catalogue is complete: every Polish string in code and templates has an English translation."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(path: Path) -> dict[str, polib.POEntry]:
    return {
        (entry.msgctxt or "") + "\x04" + entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete
    }


def test_every_english_entry_is_translated():
    entries = _entries(PO)
    missing = [
        entry.msgid
        for entry in entries.values()
        if "fuzzy" in entry.flags or not (entry.msgstr or all(entry.msgstr_plural.values()))
    ]
    assert not missing, f"{len(missing)} untranslated or fuzzy English entries, e.g. {missing[:10]}"


def test_catalogue_has_every_string_of_the_code(tmp_path):
    """Run makemessages on a copy of the sources and compare: no string may be missing from the catalogue."""
    for name in ["apps", "templates", "config", "locale", "manage.py"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "--no-location"],
        cwd=tmp_path,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    ours = set(_entries(PO))
    fresh = set(_entries(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    missing = sorted(key.split("\x04", 1)[1] for key in fresh - ours)
    assert not missing, (
        f"{len(missing)} strings are not in locale/en/LC_MESSAGES/django.po (run `make makemessages` and "
        f"translate them), e.g. {missing[:10]}"
    )


@pytest.mark.django_db
def test_english_is_served(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert re.search(r'<html lang="en"', response.content.decode())
    assert "Skip to content" in response.content.decode()
