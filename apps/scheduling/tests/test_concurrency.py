"""Several schedulers (one per server) ticking at the same moment, each on its own database connection: the
slot is run once. The winner's job waits until every other scheduler has finished its tick, so all of them tick
while the run is in progress, not after it.

Needs real concurrent connections, so it runs on PostgreSQL (``DATABASE_URL``; CI runs the suite on both
databases); on SQLite the same claim is tested within one connection in test_scheduler.py.
"""

import threading

import pytest
from django.db import connection

from apps.scheduling import services
from apps.scheduling.models import JobRun

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent connections need PostgreSQL (CI runs it); SQLite serialises the whole database.",
    ),
]

SCHEDULERS = 4


def _tick_at_once(job, *, at_the_same_time: int = SCHEDULERS):
    start = threading.Barrier(at_the_same_time, timeout=10)
    others_done = threading.Event()
    finished, claimed, errors, waited = [], {}, [], []
    lock = threading.Lock()
    job.during = lambda: waited.append(others_done.wait(timeout=10))

    def schedule(index: int):
        try:
            start.wait()
            claimed[index] = services.tick(worker=f"serwer-{index}")
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            with lock:
                finished.append(index)
                if len(finished) == at_the_same_time - 1:
                    others_done.set()
            connection.close()

    threads = [threading.Thread(target=schedule, args=(i,)) for i in range(at_the_same_time)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return claimed, errors, waited


def test_schedulers_ticking_at_once_run_a_due_slot_once(daily, clock):
    claimed, errors, waited = _tick_at_once(daily)
    assert not errors
    assert waited == [True]  # the others finished their ticks while the one run was in progress
    assert len(daily.calls) == 1
    assert sorted(len(runs) for runs in claimed.values()) == [0] * (SCHEDULERS - 1) + [1]
    run = JobRun.objects.get()
    assert (run.status, run.attempts) == (JobRun.Status.SUCCEEDED, 1)


def test_schedulers_ticking_at_once_take_over_a_lost_claim_once(daily, clock, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(services, "_enqueue", lambda run: None)  # the first server dies after claiming
        services.tick(worker="serwer-lost")
    clock.advance(minutes=31)
    claimed, errors, waited = _tick_at_once(daily)
    assert not errors and waited == [True]
    assert len(daily.calls) == 1
    run = JobRun.objects.get()
    assert (run.status, run.attempts) == (JobRun.Status.SUCCEEDED, 2)
