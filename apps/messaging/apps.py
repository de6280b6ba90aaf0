from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "apps.messaging"
    label = "messaging"
    verbose_name = _("Wiadomości")

    def ready(self):
        # Permission rules, audit labels, the dashboard cards, the karta JST's link and section, the digest job.
        from . import history, hooks, rules  # noqa: F401
