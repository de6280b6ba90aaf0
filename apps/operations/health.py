"""Readiness: what an app server needs to serve requests, and whether the background processes keep up.

Each check answers ``(ok, detail)``. ``/readyz`` runs them all and answers 503 when one fails, so the proxy or the
orchestrator takes the server out of rotation (database, migrations) and the monitoring raises an alarm (queue,
scheduler).
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

_migrations_applied: dict[str, bool] = {}


def check_database() -> tuple[bool, str]:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return False, f"unreachable: {error.__class__.__name__}"
    return True, connections["default"].vendor


def check_migrations() -> tuple[bool, str]:
    # Once applied, the migrations of this code stay applied until the next deployment restarts the process, so a
    # process asks the database (and loads the migration graph) only until it has seen them applied.
    if _migrations_applied.get("default"):
        return True, "applied"
    connection = connections["default"]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return False, f"unknown: {error.__class__.__name__}"
    if plan:
        return False, f"{len(plan)} not applied, first {plan[0][0].app_label}.{plan[0][0].name}"
    _migrations_applied["default"] = True
    return True, "applied"


def check_queue() -> tuple[bool, str]:
    """The oldest task ready to run waits no longer than HEALTH_QUEUE_MAX_AGE (the worker keeps up)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return True, f"no database queue ({backend.rsplit('.', 1)[-1]})"
    from django_tasks_db.models import DBTaskResult

    limit = timedelta(seconds=settings.HEALTH_QUEUE_MAX_AGE)
    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError as error:
        return False, f"unknown: {error.__class__.__name__}"
    if oldest is None:
        return True, "empty"
    waited = timezone.now() - oldest
    detail = f"oldest ready task waits {int(waited.total_seconds())} s (limit {int(limit.total_seconds())} s)"
    return waited <= limit, detail


def check_scheduler() -> tuple[bool, str]:
    """Every job's latest due slot older than HEALTH_SCHEDULER_MAX_LAG has been claimed (the scheduler runs)."""
    from apps.scheduling import services
    from apps.scheduling.jobs import JOBS
    from apps.scheduling.models import JobRun

    at = services.now()
    lag = timedelta(seconds=settings.HEALTH_SCHEDULER_MAX_LAG)
    due = {job.key: job.schedule.last_slot(at) for job in JOBS}
    overdue = {key: slot for key, slot in due.items() if slot < at - lag}
    if not overdue:
        return True, "nothing due"
    try:
        claimed = set(JobRun.objects.filter(job__in=overdue, slot__in=set(overdue.values())).values_list("job", "slot"))
    except DatabaseError as error:
        return False, f"unknown: {error.__class__.__name__}"
    missed = sorted(key for key, slot in overdue.items() if (key, slot) not in claimed)
    if missed:
        return False, "not run: " + ", ".join(missed)
    return True, f"{len(overdue)} jobs on time"


CHECKS = {
    "database": check_database,
    "migrations": check_migrations,
    "queue": check_queue,
    "scheduler": check_scheduler,
}


def readiness() -> tuple[bool, dict]:
    results = {}
    for name, check in CHECKS.items():
        if name != "database" and not results["database"]["ok"]:
            results[name] = {"ok": False, "detail": "database unreachable"}
            continue
        ok, detail = check()
        results[name] = {"ok": ok, "detail": detail}
    return all(item["ok"] for item in results.values()), results
