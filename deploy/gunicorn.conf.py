"""gunicorn for the web processes, set by environment variables (deploy/systemd/doradztwo-web.service).

GUNICORN_BIND      address to listen on (default 127.0.0.1:8001; nginx proxies to it)
GUNICORN_WORKERS   processes (default 2 × cores + 1)
GUNICORN_THREADS   threads per process (default 4: pages wait on the database, PDFs are in the worker)
GUNICORN_TIMEOUT   seconds before a silent worker is restarted (default 60; nginx gives up at 75)
GUNICORN_MAX_REQUESTS  recycle a process after this many requests (default 2000, with jitter)
PROMETHEUS_MULTIPROC_DIR  where the processes' metric samples are merged from (default var/prometheus)
"""

import os
import shutil
from pathlib import Path

_cores = os.cpu_count() or 1

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * _cores + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
wsgi_app = "config.wsgi:application"
# Access lines go through Django's own JSON logs (request id, view, time), gunicorn logs only its errors.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# nginx on the same machine (or the private network) sets X-Forwarded-*; trust it only from there.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "doradztwo-web")

# Prometheus' multiprocess mode: the directory must exist, be empty at start and be known before Django loads.
_metrics_dir = Path(
    os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR",
        str(Path(__file__).resolve().parent.parent / "var" / "prometheus" / bind.replace(":", "_").replace("/", "_")),
    )
)


def on_starting(server):
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
