"""Reference data every demo needs: the TERYT register shipped with the project and the model's catalogue.

Both loaders are the ones the management commands use (``load_teryt``, ``load_catalog``); here they run only
when needed, so a second ``seed_demo`` neither re-reads the 2,800-row register nor writes a new import record.
"""

import hashlib
from pathlib import Path

from django.apps import apps as django_apps

from apps.catalog.models import CatalogVersion
from apps.catalog.services import ensure_initial_catalog
from apps.territory import services as territory_services
from apps.territory import teryt
from apps.territory.models import RegisterImport


def shipped_register_file() -> Path:
    return Path(django_apps.get_app_config("territory").path) / "data" / "TERC_2020-01-01.csv"


def ensure_register(path: Path | None = None) -> str:
    """Load the shipped TERC file when the register is empty or older than it; never downgrade a newer register.

    Returns what happened, for the command's summary."""
    path = path or shipped_register_file()
    data = path.read_bytes()
    latest = RegisterImport.objects.order_by("-as_of", "-pk").first()
    if latest is not None:
        if latest.checksum == hashlib.sha256(data).hexdigest():
            return f"rejestr TERYT bez zmian (stan na {latest.as_of:%Y-%m-%d})"
        # A different file: compare register dates before parsing it twice (load_register parses it again).
        if latest.as_of >= teryt.parse(data).as_of:
            return f"rejestr TERYT bez zmian (w bazie nowszy lub równy: stan na {latest.as_of:%Y-%m-%d})"
    register_import = territory_services.load_register(data=data, source=path.name, by=None)
    return f"wczytano rejestr TERYT (stan na {register_import.as_of:%Y-%m-%d})"


def ensure_catalog() -> str:
    existed = CatalogVersion.objects.exists()
    version = ensure_initial_catalog()
    return f"katalog modelu bez zmian ({version})" if existed else f"wczytano katalog modelu ({version})"
