from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "apps.catalog"
    label = "catalog"
    verbose_name = _("Katalog modelu")

    def ready(self):
        # Register the permission rules and describe the audit actions.
        from . import history, rules  # noqa: F401
