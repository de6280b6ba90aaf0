from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "apps.catalog"
    label = "catalog"
    verbose_name = _("Katalog modelu")

    def ready(self):
        # Permission rules, audit labels, menu entries and dashboard cards.
        from . import history, hooks, rules  # noqa: F401
