"""The scheduled jobs of the platform, registered by each app from its own ``hooks.py``::

    from apps.scheduling.jobs import Daily, scheduled_job

    @scheduled_job("recruitment.publish_due_results", schedule=Daily(at=time(6, 0)), label=_("Publikacja wyników"))
    def publish_due_results_job(*, slot):
        return {"published": [...]}          # stored as the run's result (JSON)

A job receives the slot it runs for (an aware datetime; ``local_date(slot)`` is its day in Europe/Warsaw) and
returns a JSON-serialisable result. ``describe(result)`` turns that result into a sentence when the runs page is
shown, so the page speaks the reader's language. Jobs must be idempotent: a slot whose run was lost (the worker
died) is run again, and the job's own writes decide what is already done.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from apps.core.registry import Registry

from .schedules import WARSAW, Daily, Every, Schedule

__all__ = ["JOBS", "Daily", "Every", "Job", "local_date", "scheduled_job"]


@dataclass(frozen=True)
class Job:
    key: str
    func: Callable[..., Any]
    schedule: Schedule
    label: str
    describe: Callable[[Any], str] | None = None
    # A claim older than this whose run has not finished is taken as lost (its process died) and run again.
    # Longer than the job ever takes, or a slow run would be started a second time.
    timeout: timedelta = timedelta(minutes=30)
    # A failed run is tried again after ``retry_after``, up to ``attempts`` times in all for one slot.
    attempts: int = 3
    retry_after: timedelta = timedelta(minutes=15)

    def summary(self, result: Any) -> str:
        if result is None:
            return ""
        return self.describe(result) if self.describe else str(result)


JOBS: Registry[Job] = Registry("scheduled job")


def scheduled_job(key: str, *, schedule: Schedule, label: str, order: int = 100, **options):
    """Register the decorated function as job ``key`` (options: describe, timeout, attempts, retry_after)."""

    def decorator(fn):
        JOBS.register(key, Job(key=key, func=fn, schedule=schedule, label=label, **options), order=order)
        return fn

    return decorator


def local_date(moment: datetime):
    return moment.astimezone(WARSAW).date()
