"""`make bench`: its own database (var/bench.sqlite3, or DATABASE_URL), production-like rendering (DEBUG off, cached
templates), nothing queued or mailed."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

BENCH = True
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"] = {
        **DATABASES["default"],
        **dj_database_url.parse(f"sqlite:///{VAR_DIR / 'bench.sqlite3'}"),
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "ERROR"}}
# The bench requests API lists hundreds of times a minute: no throttling there.
API_THROTTLE_ANONYMOUS = API_THROTTLE_TOKEN = "1000000/min"
