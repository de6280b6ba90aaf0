"""The whole register into an empty database, in bulk: a few seconds, not minutes."""

import time

from apps.territory import services
from apps.territory.models import LocalGovernment

from .conftest import TERC_2020


def test_a_fresh_database_loads_in_a_few_seconds(db):
    started = time.perf_counter()
    services.load_register(data=TERC_2020.read_bytes(), source=TERC_2020.name)
    assert time.perf_counter() - started < 5
    assert LocalGovernment.objects.count() == 2807
