"""The register and the catalogue are loaded by the seed only when needed, and a newer register is never
replaced by the older file shipped with the project."""

import hashlib
from datetime import date

import pytest

from apps.catalog.models import CatalogVersion
from apps.demo import reference
from apps.territory.models import LocalGovernment, RegisterImport

pytestmark = pytest.mark.django_db


def test_empty_register_is_loaded_once():
    assert reference.ensure_register() == "wczytano rejestr TERYT (stan na 2020-01-01)"
    assert LocalGovernment.objects.count() == 2807
    assert RegisterImport.objects.count() == 1
    assert reference.ensure_register().startswith("rejestr TERYT bez zmian")
    assert RegisterImport.objects.count() == 1


def test_newer_register_is_not_downgraded_by_the_shipped_file():
    reference.ensure_register()
    # As if GUS's 2025 file had been loaded with `load_teryt`: a different file with a later register date.
    RegisterImport.objects.create(source="TERC_2025-01-01.csv", checksum="0" * 64, as_of=date(2025, 1, 1))
    assert "stan na 2025-01-01" in reference.ensure_register()
    assert RegisterImport.objects.count() == 2


def test_older_register_is_brought_up_to_the_shipped_file(tmp_path):
    shipped = reference.shipped_register_file().read_bytes()
    older = shipped.replace(b"2020-01-01", b"2019-01-01")
    path = tmp_path / "TERC_2019-01-01.csv"
    path.write_bytes(older)
    assert "stan na 2019-01-01" in reference.ensure_register(path)
    assert RegisterImport.objects.get().checksum == hashlib.sha256(older).hexdigest()
    assert reference.ensure_register() == "wczytano rejestr TERYT (stan na 2020-01-01)"
    assert RegisterImport.objects.count() == 2


def test_catalogue_is_loaded_once():
    assert reference.ensure_catalog().startswith("wczytano katalog modelu")
    assert reference.ensure_catalog().startswith("katalog modelu bez zmian")
    assert CatalogVersion.objects.count() == 1
