from pathlib import Path

import pytest

from apps.audit.models import AuditEntry
from apps.territory import services
from apps.territory.models import Gmina, LocalGovernment, LocalGovernmentChange, Powiat, RegisterImport, Voivodeship

TERC_2020 = Path(__file__).resolve().parents[1] / "data" / "TERC_2020-01-01.csv"


@pytest.fixture(scope="module")
def terc_register(django_db_setup, django_db_blocker):
    """The whole 2020 register, loaded once per test module and removed afterwards.

    Each test still runs in its own rolled-back transaction, so a test that imports another file on top of it
    leaves the next test the same register.
    """
    with django_db_blocker.unblock():
        register_import = services.load_register(data=TERC_2020.read_bytes(), source=TERC_2020.name)
    yield register_import
    with django_db_blocker.unblock():
        for model in (LocalGovernmentChange, LocalGovernment, Gmina, Powiat, Voivodeship, RegisterImport):
            model.objects.all().delete()
        AuditEntry.objects.filter(action="territory.register_imported").delete()


@pytest.fixture
def register(terc_register, db):
    return terc_register
