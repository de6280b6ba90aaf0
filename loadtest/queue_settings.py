"""Settings for loadtest/queue_bench.py: PostgreSQL (DATABASE_URL), e-mail rendered and dropped, and the task queue
named by QUEUE_BACKEND: ``db`` (django-tasks' database backend, what production runs) or ``rq`` (RQ on Redis,
through django-tasks-rq, installed only for the measurement: see loadtest/queue_bench.sh)."""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "queue-bench-only"
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "ERROR"}}

if os.environ.get("QUEUE_BACKEND", "db") == "rq":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("QUEUE_REDIS_URL", "redis://127.0.0.1:6379/5")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
