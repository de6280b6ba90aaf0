"""Request ids in the logs and in the tasks a request queues; Prometheus metrics behind a token."""

import json
import logging

import pytest
from django.http import HttpResponse
from django.urls import path
from django_tasks import task

from apps.operations.context import current_request_id
from apps.operations.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db
seen = []


@task()
def remember_request_id() -> str:
    seen.append(current_request_id.get())
    logging.getLogger("apps.operations.tests").info("task ran")
    return "ok"


def enqueueing_view(request):
    logging.getLogger("apps.operations.tests").info("view ran")
    remember_request_id.enqueue()
    return HttpResponse("queued")


urlpatterns = [path("enqueue", enqueueing_view, name="enqueue")]


@pytest.fixture
def captured():
    stream = []

    class Handler(logging.Handler):
        def emit(self, record):
            stream.append(json.loads(self.format(record)))

    handler = Handler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("apps.operations.tests")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.urls("apps.operations.tests.test_observability")
def test_request_id_goes_into_logs_response_and_queued_tasks(client, captured):
    seen.clear()
    response = client.get("/enqueue", HTTP_X_REQUEST_ID="proxy-id-1234abcd")
    assert response["X-Request-ID"] == "proxy-id-1234abcd"
    assert seen == ["proxy-id-1234abcd"]
    assert [(line["message"], line["request_id"]) for line in captured] == [
        ("view ran", "proxy-id-1234abcd"),
        ("task ran", "proxy-id-1234abcd"),
    ]
    assert {"time", "level", "logger"} <= set(captured[0])
    # Outside a request: no id.
    assert current_request_id.get() == ""


@pytest.mark.urls("apps.operations.tests.test_observability")
def test_a_malformed_request_id_is_replaced(client):
    response = client.get("/enqueue", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


def test_the_worker_restores_the_id_from_the_cache():
    """The database worker runs the task in another process: the id comes back from the shared cache."""
    from django.core.cache import cache
    from django_tasks.signals import task_finished, task_started

    from apps.operations.signals import KEY

    class Result:
        id = "4a3e5c0b-0000-0000-0000-000000000001"
        status = type("S", (), {"name": "SUCCESSFUL"})()
        task = remember_request_id

    cache.set(KEY.format(Result.id), "queued-by-request-42")
    task_started.send(sender=object, task_result=Result)
    assert current_request_id.get() == "queued-by-request-42"
    task_finished.send(sender=object, task_result=Result)
    assert current_request_id.get() == ""


def test_metrics_need_the_token(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    client.get("/healthz")
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'http_request_duration_seconds_count{method="GET",status="200",view="operations:healthz"}' in body
    assert "task_queue_depth" in body
    assert "task_queue_oldest_ready_seconds" in body
    assert "scheduler_job_runs" in body


def test_task_durations_are_measured(client, settings):
    settings.METRICS_TOKEN = "t0ken-for-test"
    remember_request_id.enqueue()
    body = client.get("/metrics", HTTP_AUTHORIZATION="Bearer t0ken-for-test").content.decode()
    assert "task_duration_seconds_count{" in body
    assert 'task="apps.operations.tests.test_observability.remember_request_id"' in body


def test_metrics_merge_the_processes_of_a_multiprocess_server(tmp_path):
    """Under gunicorn each worker writes its samples to PROMETHEUS_MULTIPROC_DIR; a scrape merges them."""
    import subprocess
    import sys

    code = (
        "from prometheus_client import Histogram; "
        "h = Histogram('http_request_duration_seconds', 'x', ['view', 'method', 'status']); "
        "h.labels(view='v', method='GET', status='200').observe(0.01)"
    )
    env = {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
    merge = (
        "from apps.operations import metrics; import sys; "
        "from prometheus_client import CollectorRegistry, generate_latest; "
        "from prometheus_client.multiprocess import MultiProcessCollector; "
        "r = CollectorRegistry(); MultiProcessCollector(r); sys.stdout.write(generate_latest(r).decode())"
    )
    out = subprocess.run(
        [sys.executable, "-c", merge], env={**env, "PYTHONPATH": "."}, check=True, capture_output=True, text=True
    ).stdout
    assert 'http_request_duration_seconds_count{method="GET",status="200",view="v"} 2.0' in out
