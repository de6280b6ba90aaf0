"""What the runs page shows: every registered job with its schedule and latest run, and the last runs."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery

from .jobs import JOBS, Job
from .models import JobRun

LAST_RUNS = 50


@dataclass(frozen=True)
class JobState:
    job: Job
    schedule: str
    next_slot: datetime
    last_run: JobRun | None


@dataclass(frozen=True)
class RunRow:
    run: JobRun
    label: str
    summary: str


def job_states(*, at: datetime) -> list[JobState]:
    # One query, one row per job: its run with the latest slot.
    newest = JobRun.objects.filter(job=OuterRef("job")).order_by("-slot").values("pk")[:1]
    latest = {run.job: run for run in JobRun.objects.filter(job__in=JOBS.keys(), pk=Subquery(newest))}
    return [
        JobState(
            job=job,
            schedule=job.schedule.describe(),
            next_slot=job.schedule.next_slot(at),
            last_run=latest.get(job.key),
        )
        for job in JOBS
    ]


def last_runs(limit: int = LAST_RUNS) -> list[RunRow]:
    rows = []
    for run in JobRun.objects.order_by("-claimed_at", "-pk")[:limit]:
        job = JOBS.get(run.job)
        rows.append(
            RunRow(
                run=run,
                label=str(job.label) if job else run.job,
                summary=job.summary(run.result) if job and run.status == JobRun.Status.SUCCEEDED else "",
            )
        )
    return rows
