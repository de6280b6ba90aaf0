"""The scheduler: claim each job's due slot once across every server, hand the run to the task queue, record it.

``tick()`` is what the scheduler process (``manage.py run_scheduler``) calls every half minute. For each
registered job it takes the latest due slot and tries to claim it by inserting the ``JobRun`` row for
(job, slot): the unique constraint lets exactly one INSERT succeed on SQLite and on PostgreSQL, whatever the
number of schedulers. The winner enqueues ``tasks.run_job``; the worker runs the job and records the outcome.

A claim can be taken over, by a conditional UPDATE that only one scheduler can win, when

* it went stale: queued or running for longer than the job's ``timeout`` (the worker or the scheduler died), or
* its run failed, fewer than ``attempts`` times, at least ``retry_after`` ago.
"""

import logging
import os
import socket
from datetime import datetime
from uuid import uuid4

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .jobs import JOBS, Job
from .models import JobRun

logger = logging.getLogger(__name__)
Status = JobRun.Status


def now() -> datetime:
    """The scheduler's clock (tests replace it to move time)."""
    return timezone.now()


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def tick(*, worker: str | None = None) -> list[JobRun]:
    """Claim and enqueue every job whose latest due slot has no run yet (or a stale or retryable one)."""
    at = now()
    worker = worker or this_process()
    claimed = []
    for job in JOBS:
        run = claim(job=job, slot=job.schedule.last_slot(at), at=at, worker=worker)
        if run is None:
            continue
        claimed.append(run)
        logger.info("Scheduled job %s for %s (attempt %s).", job.key, run.slot.isoformat(), run.attempts)
        _enqueue(run)
    return claimed


def claim(*, job: Job, slot: datetime, at: datetime, worker: str) -> JobRun | None:
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job.key, slot=slot, claimed_at=at, claimed_by=worker)
    except IntegrityError:
        pass  # another scheduler (or an earlier tick) has this slot
    lost = Q(status__in=[Status.QUEUED, Status.RUNNING], claimed_at__lt=at - job.timeout)
    retry = Q(status=Status.FAILED, attempts__lt=job.attempts, finished_at__lt=at - job.retry_after)
    token = uuid4()
    # Under concurrent UPDATEs PostgreSQL re-checks the WHERE on the row the winner wrote (now QUEUED with a
    # fresh claimed_at), so the others update nothing; SQLite runs one write at a time.
    taken = (
        JobRun.objects.filter(job=job.key, slot=slot)
        .filter(lost | retry)
        .update(
            status=Status.QUEUED,
            claim=token,
            claimed_at=at,
            claimed_by=worker,
            attempts=F("attempts") + 1,
            started_at=None,
            finished_at=None,
        )
    )
    if not taken:
        return None
    return JobRun.objects.get(job=job.key, slot=slot, claim=token)


def _enqueue(run: JobRun) -> None:
    from .tasks import run_job

    try:
        run_job.enqueue(run_id=run.pk, claim=str(run.claim))
    except Exception as error:  # the queue is unreachable: record it, the retry rule takes it from here
        logger.exception("Could not enqueue scheduled job %s.", run.job)
        _finish(run.pk, str(run.claim), status=Status.FAILED, error=_error_text(error))


def execute(*, run_id: int, claim: str) -> str:
    """Run one claimed job (called by the worker through ``tasks.run_job``). Returns the run's final status."""
    started = JobRun.objects.filter(pk=run_id, claim=claim, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=now()
    )
    if not started:
        return "superseded"  # this claim was taken over, or the task was delivered twice
    run = JobRun.objects.get(pk=run_id)
    job = JOBS.get(run.job)
    if job is None:
        _finish(run_id, claim, status=Status.FAILED, error=f"No scheduled job named {run.job!r} is registered.")
        return Status.FAILED
    try:
        result = job.func(slot=run.slot)
    except Exception as error:
        logger.exception("Scheduled job %s for %s failed.", run.job, run.slot.isoformat())
        _finish(run_id, claim, status=Status.FAILED, error=_error_text(error))
        return Status.FAILED
    _finish(run_id, claim, status=Status.SUCCEEDED, result=result)
    return Status.SUCCEEDED


def _finish(run_id: int, claim: str, *, status: str, result=None, error: str = "") -> None:
    updated = JobRun.objects.filter(pk=run_id, claim=claim).update(
        status=status, finished_at=now(), result=result, error=error
    )
    if not updated:
        logger.warning("Scheduled run %s finished after its claim was taken over; outcome dropped.", run_id)


def _error_text(error: Exception) -> str:
    # One line for the runs page; the traceback is in the log.
    return f"{type(error).__name__}: {error}"[:2000]


def prune_runs(*, before: datetime) -> int:
    """Delete the records of runs that finished before ``before`` (the housekeeping job keeps 90 days)."""
    deleted, _ = JobRun.objects.filter(finished_at__lt=before).delete()
    return deleted
