from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionsConfig(AppConfig):
    name = "apps.editions"
    label = "editions"
    verbose_name = _("Edycje modelu")

    def ready(self):
        # Permission rules, audit labels, menu entries and dashboard cards.
        from . import history, hooks, rules  # noqa: F401
