from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    name = "apps.consents"
    label = "consents"
    verbose_name = _("Klauzule informacyjne i zgody")

    def ready(self):
        # Permission rules, audit labels and the acknowledgement recorded when an invitation is accepted.
        from . import history, hooks, rules  # noqa: F401
