"""The scheduler's tick with a controlled clock: once per slot, missed slots caught up once, one run at a time."""

from datetime import UTC, datetime, time, timedelta

import pytest

from apps.scheduling import services
from apps.scheduling.models import JobRun
from apps.scheduling.schedules import Daily, Every
from apps.scheduling.testing import warsaw

pytestmark = pytest.mark.django_db
Status = JobRun.Status


def test_a_daily_slot_is_at_its_time_on_warsaws_clock_in_winter_and_in_summer():
    six = Daily(at=time(6, 0))
    assert six.last_slot(warsaw(2027, 1, 10, 6, 0)) == datetime(2027, 1, 10, 5, 0, tzinfo=UTC)  # CET
    assert six.last_slot(warsaw(2027, 7, 10, 9, 0)) == datetime(2027, 7, 10, 4, 0, tzinfo=UTC)  # CEST
    assert six.last_slot(warsaw(2027, 1, 10, 5, 59)) == warsaw(2027, 1, 9, 6, 0)  # before six: yesterday's slot
    assert six.next_slot(warsaw(2027, 1, 10, 6, 0)) == warsaw(2027, 1, 11, 6, 0)
    # The night the clocks go forward the day is 23 hours long and the slot is still at six.
    assert six.last_slot(warsaw(2027, 3, 28, 7, 0)) == warsaw(2027, 3, 28, 6, 0)
    assert six.describe() == "codziennie o 06:00"


def test_every_n_minutes_slots_lie_on_one_grid_for_every_server():
    quarter = Every(minutes=15)
    assert quarter.last_slot(warsaw(2027, 1, 10, 10, 29, 59)) == warsaw(2027, 1, 10, 10, 15)
    assert quarter.next_slot(warsaw(2027, 1, 10, 10, 29, 59)) == warsaw(2027, 1, 10, 10, 30)
    assert quarter.describe() == "co 15 min"
    with pytest.raises(ValueError):
        Every(minutes=0)


def test_a_due_job_runs_once_and_its_run_is_recorded(daily, clock):
    [run] = services.tick(worker="serwer-1")
    assert daily.calls == [warsaw(2027, 3, 1, 6, 0)]
    run.refresh_from_db()
    assert (run.job, run.slot, run.status, run.attempts) == (
        "test.daily",
        warsaw(2027, 3, 1, 6, 0),
        Status.SUCCEEDED,
        1,
    )
    assert run.claimed_by == "serwer-1" and run.claimed_at == clock.at
    assert run.started_at == clock.at and run.finished_at == clock.at
    assert run.result == {"count": 1} and run.error == ""


def test_ticking_again_in_the_same_slot_changes_nothing(daily, clock):
    services.tick()
    for minutes in (0, 1, 30, 60 * 23):
        clock.set(warsaw(2027, 3, 1, 6, 0, 10) + timedelta(minutes=minutes))
        assert services.tick() == []
    assert len(daily.calls) == 1 and JobRun.objects.count() == 1
    clock.set(warsaw(2027, 3, 2, 6, 0, 5))  # the next day's slot
    assert len(services.tick()) == 1
    assert daily.calls[-1] == warsaw(2027, 3, 2, 6, 0) and JobRun.objects.count() == 2


def test_days_missed_while_stopped_are_caught_up_once_after_a_restart(daily, clock):
    services.tick()
    # The scheduler is stopped for three days and started again at ten: one run, for today's slot.
    clock.set(warsaw(2027, 3, 4, 10, 0))
    assert len(services.tick()) == 1
    assert services.tick() == []
    assert daily.calls == [warsaw(2027, 3, 1, 6, 0), warsaw(2027, 3, 4, 6, 0)]
    # Stopped again and restarted before six: yesterday's missed slot is run once, today's at six.
    clock.set(warsaw(2027, 3, 7, 5, 0))
    services.tick()
    clock.set(warsaw(2027, 3, 7, 6, 0))
    services.tick()
    assert daily.calls[2:] == [warsaw(2027, 3, 6, 6, 0), warsaw(2027, 3, 7, 6, 0)]
    assert JobRun.objects.filter(status=Status.SUCCEEDED).count() == 4


def test_another_scheduler_ticking_while_the_job_runs_does_not_start_it_again(daily, clock):
    seen_by_second = []
    daily.during = lambda: seen_by_second.append(services.tick(worker="serwer-2"))
    [run] = services.tick(worker="serwer-1")
    assert seen_by_second == [[]]  # the second server found the slot claimed while the job was running
    assert len(daily.calls) == 1
    run.refresh_from_db()
    assert run.claimed_by == "serwer-1" and run.status == Status.SUCCEEDED


def test_a_lost_claim_is_taken_over_once_after_the_timeout(daily, clock, monkeypatch):
    # The first server claims the slot and dies before its run starts (the task never reaches a worker).
    with monkeypatch.context() as patched:
        patched.setattr(services, "_enqueue", lambda run: None)
        [lost] = services.tick(worker="serwer-1")
    clock.advance(minutes=29)
    assert services.tick(worker="serwer-2") == []  # still within the job's timeout: maybe only slow
    clock.advance(minutes=2)
    [taken] = services.tick(worker="serwer-2")
    assert services.tick(worker="serwer-3") == []
    assert taken.pk == lost.pk and len(daily.calls) == 1
    taken.refresh_from_db()
    assert (taken.status, taken.attempts, taken.claimed_by) == (Status.SUCCEEDED, 2, "serwer-2")
    # The first server's task arriving late finds its claim superseded and does nothing.
    assert services.execute(run_id=lost.pk, claim=str(lost.claim)) == "superseded"
    assert len(daily.calls) == 1


def test_a_failed_run_is_tried_again_later_up_to_its_attempts(daily, clock):
    daily.failures = 5
    [run] = services.tick()
    run.refresh_from_db()
    assert run.status == Status.FAILED and run.error == "RuntimeError: serwer poczty nie odpowiada"
    clock.advance(minutes=10)
    assert services.tick() == []  # not before retry_after (15 minutes)
    clock.advance(minutes=6)
    assert len(services.tick()) == 1
    clock.advance(minutes=16)
    assert len(services.tick()) == 1
    clock.advance(minutes=16)
    assert services.tick() == []  # three attempts in all; the next slot starts afresh
    run.refresh_from_db()
    assert (run.status, run.attempts, len(daily.calls)) == (Status.FAILED, 3, 3)

    daily.failures = 1
    clock.set(warsaw(2027, 3, 2, 6, 0))
    services.tick()  # fails once
    clock.advance(minutes=16)
    [retried] = services.tick()
    retried.refresh_from_db()
    assert (retried.status, retried.attempts, retried.error, retried.result) == (Status.SUCCEEDED, 2, "", {"count": 5})


def test_a_run_of_a_job_no_longer_registered_fails_with_a_reason(daily, clock):
    run = JobRun.objects.create(job="removed.job", slot=clock.at, claimed_at=clock.at)
    assert services.execute(run_id=run.pk, claim=str(run.claim)) == Status.FAILED
    run.refresh_from_db()
    assert run.error == "No scheduled job named 'removed.job' is registered."


def test_old_run_records_are_pruned_by_the_housekeeping_job(clock):
    from apps.scheduling.hooks import prune_runs_job

    old = JobRun.objects.create(job="x", slot=clock.at - timedelta(days=100), claimed_at=clock.at)
    JobRun.objects.filter(pk=old.pk).update(finished_at=clock.at - timedelta(days=100))
    recent = JobRun.objects.create(job="x", slot=clock.at - timedelta(days=10), claimed_at=clock.at)
    JobRun.objects.filter(pk=recent.pk).update(finished_at=clock.at - timedelta(days=10))
    assert prune_runs_job(slot=clock.at) == {"deleted": 1}
    assert list(JobRun.objects.values_list("pk", flat=True)) == [recent.pk]
