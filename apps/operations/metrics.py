"""Prometheus metrics (prometheus-client), safe under gunicorn's several worker processes.

With ``PROMETHEUS_MULTIPROC_DIR`` set (``deploy/gunicorn.conf.py`` sets it before any worker starts) every process
writes its samples to files in that directory and ``/metrics`` merges them (the client's multiprocess mode); without
it (``manage.py runserver``, tests) the process's own registry is served. What is in the database (the queue's
depth and age, the scheduler's runs) is read at scrape time, so every app server reports the same numbers.
"""

import os

from django.utils import timezone
from prometheus_client import REGISTRY as PROCESS_REGISTRY
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

# Buckets from 5 ms to 30 s: pages take tens of milliseconds, exports and PDFs seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

REQUEST_LATENCY = Histogram(
    "http_request_duration_seconds",
    "Server time of a request, by the view that answered it.",
    ["view", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
TASK_DURATION = Histogram(
    "task_duration_seconds",
    "Run time of a background task (django-tasks), by task and outcome.",
    ["task", "status"],
    buckets=LATENCY_BUCKETS + (60, 300, 1800),
)


class DatabaseCollector:
    """The task queue and the scheduler as the database has them, read when Prometheus scrapes."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        from apps.scheduling.models import JobRun

        now = timezone.now()
        depth = GaugeMetricFamily(
            "task_queue_depth", "Tasks waiting in the queue, by queue and state.", labels=["queue", "state"]
        )
        for row in _queue_counts(DBTaskResult):
            depth.add_metric([row["queue_name"], row["status"].lower()], row["n"])
        yield depth
        oldest = GaugeMetricFamily("task_queue_oldest_ready_seconds", "Age of the oldest task ready to run.")
        enqueued = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        oldest.add_metric([], (now - enqueued).total_seconds() if enqueued else 0.0)
        yield oldest

        runs = GaugeMetricFamily(
            "scheduler_job_runs", "Runs of the scheduled jobs recorded, by job and state.", labels=["job", "status"]
        )
        last = GaugeMetricFamily(
            "scheduler_last_claim_timestamp_seconds",
            "When the scheduler last claimed a run of the job.",
            labels=["job"],
        )
        from django.db.models import Count, Max

        for row in JobRun.objects.values("job", "status").annotate(n=Count("id"), last=Max("claimed_at")).order_by():
            runs.add_metric([row["job"], row["status"]], row["n"])
        for row in JobRun.objects.values("job").annotate(last=Max("claimed_at")).order_by():
            last.add_metric([row["job"]], row["last"].timestamp())
        yield runs
        yield last


def _queue_counts(model):
    from django.db.models import Count

    return (
        model.objects.filter(status__in=["READY", "RUNNING"])
        .values("queue_name", "status")
        .annotate(n=Count("id"))
        .order_by()
    )


def multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def exposition() -> bytes:
    """The text every scrape gets: this host's processes merged (or this process alone), then the database's."""
    registry = CollectorRegistry()
    if multiprocess_dir():
        MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest(PROCESS_REGISTRY)
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    return body + generate_latest(database)
