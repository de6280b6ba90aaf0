"""Production: PostgreSQL (DATABASE_URL), real SMTP, HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = False
if SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
