"""`make run`: local development with demo data."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
# Mail is written to files under var/mail, so nothing leaves the machine in development.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
