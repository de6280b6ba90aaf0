from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionsConfig(AppConfig):
    name = "apps.editions"
    label = "editions"
    verbose_name = _("Edycje modelu")

    def ready(self):
        # Register the permission rules and describe the audit actions.
        from . import history, rules  # noqa: F401
