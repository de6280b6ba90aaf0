from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Konta i organizatorzy")

    def ready(self):
        # Register the permission rules and describe the audit actions.
        from . import history, rules  # noqa: F401
