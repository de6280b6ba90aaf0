from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "apps.privacy"
    label = "privacy"
    verbose_name = _("Ochrona danych osobowych (RODO)")

    def ready(self):
        # Permission rules, audit labels, the scheduled jobs and each app's description of its personal data.
        from . import history, hooks, personal_data, rules  # noqa: F401
