"""A production deployment must set its own PESEL key (``MONITORING_PESEL_KEY``), never the development default."""

from django.conf import settings
from django.core import checks

from .crypto import DEV_KEY_PREFIX


@checks.register(checks.Tags.security, deploy=True)
def pesel_key_is_set(app_configs=None, **kwargs):
    key = getattr(settings, "MONITORING_PESEL_KEY", "")
    if not key or key.startswith(DEV_KEY_PREFIX) or len(key) < 32:
        return [
            checks.Error(
                "MONITORING_PESEL_KEY is not set for production (or is the development default, or shorter than "
                "32 characters): PESEL numbers would be encrypted with a known key.",
                hint="Set MONITORING_PESEL_KEY in the environment to a long random secret and keep it safe: "
                "without it the stored PESEL numbers cannot be read.",
                id="monitoring.E001",
            )
        ]
    return []
