"""Production: PostgreSQL (DATABASE_URL), Redis (REDIS_URL), real SMTP, HTTPS only, behind nginx (deploy/)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, SECRET_KEY, STORAGES, env_bool

DEBUG = False
if SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")
# Several app servers (and several processes each) share throttling counters and the request ids of tasks.
if not REDIS_URL:
    raise ImproperlyConfigured("Set REDIS_URL in the environment for production (the cache every server shares).")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The probes and the metrics are asked over plain HTTP by the proxy and the monitoring on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Subdomain HSTS and preload are the domain owner's decision (the platform usually runs on a subdomain of an
# institution's domain), so they are opt-in by environment and their reminders are silenced.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
# Behind the TLS proxy every request comes from the proxy's address; tell django-axes how many proxies to look
# through (X-Forwarded-For), or one attacker could lock everybody out by failing logins.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "1"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
# The API's per-address throttling sees the client behind the same proxies (X-Forwarded-For).
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": AXES_IPWARE_PROXY_COUNT}  # noqa: F405
# Logs for journald and the log collector: one JSON object a line with the request id.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
# Connections kept across requests (gunicorn's threads each hold one), checked before reuse after a DB restart.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
