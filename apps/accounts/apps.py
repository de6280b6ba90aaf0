from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Konta i organizatorzy"

    def ready(self):
        from . import rules  # noqa: F401  (registers permission rules)
