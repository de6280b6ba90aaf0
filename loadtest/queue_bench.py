"""Which task queue for deadline day: django-tasks' database backend (db_worker) or RQ on Redis (issue 18).

Run by loadtest/queue_bench.sh, once per backend, against PostgreSQL (DATABASE_URL) with the worker the backend
needs already running. What a deadline-day request does is simulated by PRODUCERS threads (the app servers'
threads): each opens a transaction, writes one row, queues one e-mail (the real ``deliver_email`` task) and commits.
Printed as one JSON line:

- ``enqueue_ms``: p50/p95 of the time a request spends queueing (what the applicant waits for);
- ``drain_s`` and ``tasks_per_s``: from the first enqueue until the worker has finished the last task;
- ``latency_ms``: p50/p95 of enqueue -> finished per task (how late the e-mail leaves);
- ``rolled_back_ran``: of ROLLBACKS requests that queued an e-mail and then failed (their transaction rolled
  back), how many e-mails the worker still sent: with the database queue the task goes with the rollback.
"""

import json
import os
import statistics
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loadtest.queue_settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django_tasks.exceptions import TaskResultDoesNotExist  # noqa: E402

from apps.core.mail import deliver_email  # noqa: E402
from apps.scheduling.models import JobRun  # noqa: E402

TASKS = int(os.environ.get("TASKS", 2000))
PRODUCERS = int(os.environ.get("PRODUCERS", 8))
ROLLBACKS = int(os.environ.get("ROLLBACKS", 50))
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
BODY = "Dzień dobry,\n\nzgłoszenie zostało złożone.\n" * 20


class RolledBack(Exception):
    pass


def request(marker: str, number: int, *, fail: bool = False) -> tuple[float, str]:
    """One deadline-day request: a row and an e-mail in one transaction; the time the queueing took."""
    try:
        with transaction.atomic():
            JobRun.objects.create(job=f"queue-bench-{marker}", slot=EPOCH + timedelta(seconds=number), claimed_at=EPOCH)
            started = time.perf_counter()
            result = deliver_email.enqueue(to=[f"{marker}-{number}@example.org"], subject="Zgłoszenie", body=BODY)
            spent = time.perf_counter() - started
            if fail:
                raise RolledBack
    except RolledBack:
        pass
    return spent, result.id


def producer(marker: str, numbers: range, out: list) -> None:
    for number in numbers:
        out.append(request(marker, number))
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    marker = uuid.uuid4().hex[:8]
    results: list[list[tuple[float, str]]] = [[] for _ in range(PRODUCERS)]
    per = TASKS // PRODUCERS
    threads = [
        threading.Thread(target=producer, args=(marker, range(i * per, (i + 1) * per), results[i]))
        for i in range(PRODUCERS)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queued = [item for chunk in results for item in chunk]
    rolled_back = [request(marker + "-rb", n, fail=True)[1] for n in range(ROLLBACKS)]

    pending = {task_id for _, task_id in queued}
    finished = {}
    deadline = time.monotonic() + 600
    while pending and time.monotonic() < deadline:
        for task_id in list(pending):
            result = deliver_email.get_result(task_id)
            if result.finished_at is not None:
                finished[task_id] = result
                pending.discard(task_id)
        if pending:
            time.sleep(0.2)
    drained = time.perf_counter() - began
    time.sleep(3)  # let the worker reach the rolled-back ones, if it has them at all
    ran_anyway = 0
    for task_id in rolled_back:
        try:
            result = deliver_email.get_result(task_id)
        except TaskResultDoesNotExist:  # the database queue has no such task: it went with the rollback
            continue
        ran_anyway += result.finished_at is not None
    latencies = [(r.finished_at - r.enqueued_at).total_seconds() * 1000 for r in finished.values()]
    enqueue = [spent * 1000 for spent, _ in queued]
    print(
        json.dumps(
            {
                "backend": os.environ.get("QUEUE_BACKEND", "db"),
                "worker": os.environ.get("QUEUE_WORKER", ""),
                "tasks": len(queued),
                "producers": PRODUCERS,
                "finished": len(finished),
                "enqueue_ms": {"p50": round(statistics.median(enqueue), 2), "p95": round(percentile(enqueue, 0.95), 2)},
                "drain_s": round(drained, 1),
                "tasks_per_s": round(len(finished) / drained, 1),
                "latency_ms": {
                    "p50": round(statistics.median(latencies)) if latencies else None,
                    "p95": round(percentile(latencies, 0.95)) if latencies else None,
                },
                "rolled_back_ran": f"{ran_anyway} of {ROLLBACKS}",
            }
        )
    )
    JobRun.objects.filter(job__startswith=f"queue-bench-{marker}").delete()


if __name__ == "__main__":
    main()
