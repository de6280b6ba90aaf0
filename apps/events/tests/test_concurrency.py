"""Races that need real row locks: they run on PostgreSQL (CI runs the suite on both databases); SQLite serialises
every write transaction on its own."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from apps.events import services
from apps.events.models import CheckIn, Registration

from .conftest import data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL."),
]


def _race(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            outcomes.append(call())
        except ValidationError as error:
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_last_place_taken_by_two_at_once_one_registered_one_waiting(cast):
    cast.event.capacity = 2
    cast.event.save()
    services.register(event=cast.event, user=cast.anna, by=cast.anna, privacy_acknowledged=True, **data(cast.event))

    def take(user):
        return lambda: (
            services.register(
                event=cast.event, user=user, by=user, privacy_acknowledged=True, **data(cast.event)
            ).status
        )

    outcomes = _race(take(cast.bartek), take(cast.dawid))
    assert sorted(outcomes) == ["registered", "waiting"]
    assert Registration.objects.filter(status="registered").count() == 2


def test_two_staff_checking_in_the_same_person_make_one_entry(cast):
    anna = services.register(
        event=cast.event, user=cast.anna, by=cast.anna, privacy_acknowledged=True, **data(cast.event)
    )

    def scan():
        return services.check_in(event=cast.event, by=cast.organiser, code=anna.code, day=cast.event.starts_on)[1]

    outcomes = _race(scan, scan)
    assert sorted(outcomes) == [False, True]
    assert CheckIn.objects.count() == 1
