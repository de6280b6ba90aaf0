from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "apps.monitoring"
    label = "monitoring"
    verbose_name = _("Monitorowanie uczestników projektów UE")

    def ready(self):
        # Permission rules, audit labels, menu entries and the production check of the PESEL key.
        from . import checks, history, hooks, rules  # noqa: F401
