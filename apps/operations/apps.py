from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "apps.operations"
    label = "operations"
    verbose_name = _("Eksploatacja")

    def ready(self):
        # Request ids carried into background tasks and task durations measured (django-tasks' signals).
        from . import signals  # noqa: F401
