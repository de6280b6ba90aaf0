"""Settings shared by every environment. Everything that differs is read from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config.admin.PlatformAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Our bounded contexts: one app each.
    "apps.core",
    "apps.accounts",
    "apps.audit",
    "apps.demo",
    "apps.territory",
    "apps.catalog",
    "apps.editions",
    "apps.programmes",
    "apps.engagements",
    "apps.documents",
    "apps.recruitment",
    "apps.plans",
    "apps.messaging",
    "apps.advising",
    "apps.events",
    "apps.feedback",
    "apps.scheduling",
    "apps.branding",
    "apps.publications",
    "apps.openspace",
    "apps.monitoring",
    "apps.surveys",
    "apps.api",
    "apps.statistics",
    "apps.operations",
    "apps.consents",
    "apps.privacy",
]

MIDDLEWARE = [
    # First: the request id for every log line and the response, and the request's time for the metrics.
    "apps.operations.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.accounts.middleware.RenewSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.accounts.middleware.NoStoreForSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "apps.accounts.middleware.RequireTwoFactorMiddleware",
    "apps.accounts.middleware.RequireConfirmedEmailMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that it sees the final outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.navigation",
            ],
            "string_if_invalid": "",
        },
    }
]

# SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web process read while one writes. Write transactions start IMMEDIATE: one that
    # began as a read and later writes cannot wait for the lock (SQLite answers "database is locked" at once), one
    # that takes the lock first waits up to the busy timeout.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "apps.accounts.passwords.CommonPasswordsValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Sessions end after two idle hours and when the browser closes. A request renews the expiry only when the last
# renewal is older than SESSION_RENEW_AFTER seconds (apps.accounts.middleware.RenewSessionMiddleware), so page
# views do not write to the database.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 2 * 60 * 60))
SESSION_RENEW_AFTER = int(os.environ.get("SESSION_RENEW_AFTER", 5 * 60))
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login throttling (django-axes): five failures for one account from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# Login ignores the e-mail's letter case, so counting failures does too.
AXES_USERNAME_CALLABLE = "apps.accounts.lockout.username_for_lockout"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Doradztwo dla JST"
ACCOUNT_INVITATION_DAYS = int(os.environ.get("ACCOUNT_INVITATION_DAYS", 14))

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("polski")), ("en", _("angielski"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
# Uploads live outside static files and are only served through permission-checked views.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Private files (uploaded signed documents, generated PDFs and exports): never served by URL, only streamed by
# views that checked permission first (apps.documents.storage).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", MEDIA_ROOT / "private"))
DOCUMENTS_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENTS_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
# A generation job queued or running longer than this is taken as lost (worker stopped) and may be requested again.
DOCUMENTS_JOB_TIMEOUT = timedelta(minutes=int(os.environ.get("DOCUMENTS_JOB_TIMEOUT_MINUTES", 30)))
# PEM bundle of the certificates trusted for PDF signatures (e.g. the qualified trust services' roots).
# Empty: signatures are still checked for integrity, and their trust is reported as not verified.
SIGNATURE_TRUST_ROOTS = os.environ.get("SIGNATURE_TRUST_ROOTS", "")
# Fetching OCSP/CRL data needs network access to the certificate issuers; off unless the server has it.
SIGNATURE_ALLOW_FETCHING = env_bool("SIGNATURE_ALLOW_FETCHING", False)
# HDR: reminders go this many days before an action's end month is over; evidence files up to this size.
PLAN_REMINDER_DAYS = int(os.environ.get("PLAN_REMINDER_DAYS", 14))
# A JST counts as stuck when it has been at the same stage of the cycle longer than this (organiser's lists).
STUCK_AFTER_DAYS = int(os.environ.get("STUCK_AFTER_DAYS", 30))
PLAN_EVIDENCE_MAX_BYTES = int(os.environ.get("PLAN_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))
# The message thread of an engagement: attachments up to this size, this many per message; a message can be
# changed for this many minutes after it was sent.
MESSAGING_ATTACHMENT_MAX_BYTES = int(os.environ.get("MESSAGING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
# Event session materials (presentations, handouts): PDF, images, office documents.
EVENTS_MATERIAL_MAX_BYTES = int(os.environ.get("EVENTS_MATERIAL_MAX_BYTES", 20 * 1024 * 1024))
MESSAGING_ATTACHMENTS_PER_MESSAGE = int(os.environ.get("MESSAGING_ATTACHMENTS_PER_MESSAGE", 5))
MESSAGING_EDIT_MINUTES = int(os.environ.get("MESSAGING_EDIT_MINUTES", 15))
# The secret that PESEL numbers are encrypted and looked up with (apps/monitoring/crypto.py). The default serves only
# development and tests: the deploy check monitoring.E001 refuses it, so production must set its own (and keep it:
# without it the stored numbers cannot be read).
MONITORING_PESEL_KEY = os.environ.get("MONITORING_PESEL_KEY", "dev-only-pesel-key-not-for-production")
# The previous secrets during a key rotation (comma-separated), still accepted for reading and lookup until
# ``manage.py rotate_pesel_key`` has re-encrypted every PESEL under the current one (decision 0027).
MONITORING_PESEL_OLD_KEYS = [k.strip() for k in os.environ.get("MONITORING_PESEL_OLD_KEYS", "").split(",") if k.strip()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "apps.documents.storage.PrivateStorage"},
}
# With a bucket the private files go to S3-compatible object storage that every app server and worker shares
# (django-storages); without one they stay on the local disk under PRIVATE_MEDIA_ROOT.
PRIVATE_STORAGE_BUCKET = os.environ.get("PRIVATE_STORAGE_BUCKET", "")


def s3_private_storage(bucket: str, **overrides) -> dict:
    return {
        "BACKEND": "apps.documents.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("PRIVATE_STORAGE_PREFIX", "private"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 60,
            **overrides,
        },
    }


if PRIVATE_STORAGE_BUCKET:
    STORAGES["private"] = s3_private_storage(PRIVATE_STORAGE_BUCKET)

# Shared by every app server: Redis when REDIS_URL is set (production), else this process's memory (development,
# one process). Holds DRF's throttling counters, the request ids handed to background tasks and page caches.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "doradztwo"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if os.environ.get("EMAIL_FILE_PATH"):  # the file backend (make cluster: the load test reads the sign-up links)
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Doradztwo dla JST <no-reply@doradztwo.example>")
# The platform's own contact in the footer of pages that belong to no organiser (apps.branding).
PLATFORM_CONTACT_NAME = os.environ.get("PLATFORM_CONTACT_NAME", "")
PLATFORM_CONTACT_EMAIL = os.environ.get("PLATFORM_CONTACT_EMAIL", "")
PLATFORM_CONTACT_PHONE = os.environ.get("PLATFORM_CONTACT_PHONE", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Background work goes through one interface (django-tasks); the default queue is the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The REST API (apps.api, docs/api.md): JSON only; personal tokens or the browser's session; bilingual errors.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON for integrations; form data too, so a signed-in browser form (and the access tests) can post.
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apps.api.authentication.TokenAuthentication",
        "apps.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["apps.api.permissions.SignedIn", "apps.api.permissions.TokenScope"],
    "DEFAULT_THROTTLE_CLASSES": ["apps.api.throttling.AnonymousThrottle", "apps.api.throttling.TokenThrottle"],
    "DEFAULT_PAGINATION_CLASS": "apps.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.api.errors.exception_handler",
}
API_THROTTLE_ANONYMOUS = os.environ.get("API_THROTTLE_ANONYMOUS", "120/min")
API_THROTTLE_TOKEN = os.environ.get("API_THROTTLE_TOKEN", "600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Doradztwo dla JST — API",
    "DESCRIPTION": "Public data (TERYT register, catalogue, editions, calls, results) and, with a personal token, "
    "the organiser's data. Errors: {detail (pl), detail_en, code[, errors]}. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    # No links inside the operations' summary buttons (axe: nested interactive controls); no schema boxes that
    # scroll sideways at 320 px (the schemas are in each operation and at /api/v1/schema/).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "defaultModelsExpandDepth": -1},
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "JstKindEnum": "apps.territory.kinds.JstKind",
        "ApplicationStatusEnum": "apps.recruitment.models.Application.Status",
        "ActionStatusEnum": "apps.plans.models.PlannedAction.Status",
        "PlanStatusEnum": "apps.plans.models.DevelopmentPlan.Status",
        "DocumentKindEnum": "apps.recruitment.kinds.DocumentKind",
        "TeamMemberKindEnum": "apps.engagements.models.TeamMember.Kind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.api.schema.add_error_responses",
    ],
}

# Content Security Policy: only our own origin; no inline scripts, no CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "apps.core.views.csrf_failure"

# Logs go to standard error (journald under systemd): text in development, one JSON object a line with the
# request id in production (LOG_FORMAT=json; apps.operations.logs).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "apps.operations.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "apps.operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
        # pyHanko logs a traceback for every certificate it cannot trust; our reports say it in one sentence.
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}

# Operations (apps.operations): /readyz fails when the oldest task ready to run has waited longer than this, or when
# a scheduled job's due slot is this much past without a run; /metrics answers only this bearer token (empty: off).
HEALTH_QUEUE_MAX_AGE = int(os.environ.get("HEALTH_QUEUE_MAX_AGE", 300))
HEALTH_SCHEDULER_MAX_LAG = int(os.environ.get("HEALTH_SCHEDULER_MAX_LAG", 600))
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# Personal data (apps.privacy): how long each kind of record is kept (days), applied by the daily retention job;
# reminders to the organiser's staff this many days before a person's request is due.
PRIVACY_RETENTION_DAYS = {
    "applications_not_qualified": int(os.environ.get("PRIVACY_KEEP_APPLICATIONS_DAYS", 2 * 365)),
    "registrations": int(os.environ.get("PRIVACY_KEEP_REGISTRATIONS_DAYS", 5 * 365)),
    "messages": int(os.environ.get("PRIVACY_KEEP_MESSAGES_DAYS", 5 * 365)),
    "audit": int(os.environ.get("PRIVACY_KEEP_AUDIT_DAYS", 10 * 365)),
    "inactive_accounts": int(os.environ.get("PRIVACY_KEEP_INACTIVE_ACCOUNTS_DAYS", 3 * 365)),
    # After the edition's end; an EU project's retention (until its durability period ends) is a legal hold.
    "monitoring": int(os.environ.get("PRIVACY_KEEP_MONITORING_DAYS", 5 * 365)),
    # After the survey closed: a named response is then unlinked from its person (the results stay as they are).
    "surveys": int(os.environ.get("PRIVACY_KEEP_SURVEY_RESPONDENTS_DAYS", 2 * 365)),
}
PRIVACY_REMINDER_DAYS = int(os.environ.get("PRIVACY_REMINDER_DAYS", 7))
