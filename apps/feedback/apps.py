from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "apps.feedback"
    label = "feedback"
    verbose_name = _("Rejestr uwag do modelu")

    def ready(self):
        # Permission rules, audit labels, menu entries, the catalogue's change log and its publication listener.
        from . import history, hooks, rules  # noqa: F401
