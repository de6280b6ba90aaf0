from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "apps.statistics"
    label = "statistics"
    verbose_name = _("Statystyki i otwarte dane")

    def ready(self):
        # Permission rules, audit labels, the menu, the scheduled refresh; the attention items and figure blocks.
        from . import blocks, history, hooks, items, rules  # noqa: F401
