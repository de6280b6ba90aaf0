"""The request id travels with the tasks a request queues; every task's run time goes to the metrics.

On enqueue the id is kept in the shared cache under the task's id (Redis in production, so the worker on another
server finds it); when the worker starts the task it sets the id again, and the task's log lines carry it.
"""

import time

from django.core.cache import cache
from django.dispatch import receiver
from django_tasks.signals import task_enqueued, task_finished, task_started

from .context import current_request_id
from .metrics import TASK_DURATION

KEY = "operations:task-request:{}"
KEEP_SECONDS = 7 * 24 * 3600
_running: dict[str, tuple[float, object]] = {}


@receiver(task_enqueued)
def remember_request_id(sender, task_result, **kwargs):
    request_id = current_request_id.get()
    if request_id:
        cache.set(KEY.format(task_result.id), request_id, KEEP_SECONDS)


@receiver(task_started)
def restore_request_id(sender, task_result, **kwargs):
    request_id = cache.get(KEY.format(task_result.id)) or current_request_id.get()
    token = current_request_id.set(request_id or "")
    _running[str(task_result.id)] = (time.perf_counter(), token)


@receiver(task_finished)
def measure_task(sender, task_result, **kwargs):
    started, token = _running.pop(str(task_result.id), (None, None))
    if token is not None:
        try:
            current_request_id.reset(token)
        except ValueError:  # set in another context (should not happen: the worker runs a task in one thread)
            current_request_id.set("")
    if started is None:
        return
    status = getattr(task_result.status, "name", str(task_result.status)).lower()
    TASK_DURATION.labels(task=task_result.task.module_path, status=status).observe(time.perf_counter() - started)
