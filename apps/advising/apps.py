from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisingConfig(AppConfig):
    name = "apps.advising"
    label = "advising"
    verbose_name = _("Doradztwo: spotkania, sesje zdalne i karty czasu pracy")

    def ready(self):
        # Permission rules, audit and timeline labels, the engagement hooks, dashboard cards and calendar sources.
        from . import history, hooks, rules  # noqa: F401
