from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Konta i organizatorzy")

    def ready(self):
        # Permission rules, audit labels, menu entries and dashboard cards.
        from . import history, hooks, receivers, rules  # noqa: F401
