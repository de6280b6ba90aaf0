from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "apps.territory"
    label = "territory"
    verbose_name = _("Rejestr JST (TERYT)")

    def ready(self):
        # Audit labels and the register's menu entry.
        from . import history, hooks  # noqa: F401
