"""/healthz, /readyz and what makes them fail: the database unreachable, migrations missing, the worker behind, the
scheduler stopped."""

import json
import logging
from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from apps.operations import health
from apps.scheduling import services
from apps.scheduling.jobs import JOBS
from apps.scheduling.models import JobRun
from apps.scheduling.testing import fix_clock, warsaw

pytestmark = pytest.mark.django_db

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task()
def noop_task() -> str:
    logging.getLogger("apps.operations.tests").warning("noop ran")
    return "ok"


def _all_jobs_claimed():
    at = services.now()
    for job in JOBS:
        JobRun.objects.get_or_create(job=job.key, slot=job.schedule.last_slot(at), defaults={"claimed_at": at})


def _ready(client):
    response = client.get("/readyz")
    return response.status_code, json.loads(response.content)


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_ok_when_everything_keeps_up(client, settings):
    settings.TASKS = DB_QUEUE
    _all_jobs_claimed()
    noop_task.enqueue()  # just queued: within the bound
    status, body = _ready(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "queue", "scheduler"}


def test_readyz_fails_when_the_database_is_unreachable(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["database"] == {"ok": False, "detail": "unreachable: OperationalError"}
    assert not body["checks"]["queue"]["ok"]


def test_readyz_fails_when_the_worker_is_behind(client, settings):
    settings.TASKS = DB_QUEUE
    settings.HEALTH_QUEUE_MAX_AGE = 300
    _all_jobs_claimed()
    result = noop_task.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=6))
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["queue"]["ok"] is False
    assert "waits 360 s" in body["checks"]["queue"]["detail"]
    # A task scheduled for later is not waiting for the worker.
    DBTaskResult.objects.filter(id=result.id).update(run_after=timezone.now() + timedelta(hours=1))
    assert _ready(client)[0] == 200


def test_readyz_fails_when_the_scheduler_has_not_run_a_due_job(client, monkeypatch, settings):
    settings.HEALTH_SCHEDULER_MAX_LAG = 600
    clock = fix_clock(monkeypatch, warsaw(2027, 3, 1, 12, 0))
    _all_jobs_claimed()
    assert _ready(client)[0] == 200
    missing = JobRun.objects.order_by("slot").first()  # the job whose slot is oldest (a daily one)
    assert clock() - missing.slot > timedelta(hours=1)
    missing.delete()
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["scheduler"] == {"ok": False, "detail": f"not run: {missing.job}"}


def test_readyz_fails_while_migrations_are_missing(client, monkeypatch):
    health._migrations_applied.clear()

    class Pending:
        app_label, name = "plans", "0099_future"

    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan", lambda self, targets: [(Pending, False)]
    )
    ok, detail = health.check_migrations()
    assert not ok and detail == "1 not applied, first plans.0099_future"
    monkeypatch.undo()
    assert health.check_migrations() == (True, "applied")
