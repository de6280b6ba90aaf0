from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "apps.scheduling"
    label = "scheduling"
    verbose_name = _("Zadania okresowe")

    def ready(self):
        # The permission rule of the runs page and the scheduler's own housekeeping job.
        from . import hooks, rules  # noqa: F401
