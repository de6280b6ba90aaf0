from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "apps.publications"
    label = "publications"
    verbose_name = _("Podsumowania i baza wiedzy")

    def ready(self):
        # Permission rules, audit labels, the summary stage guard and panel, the menu entries.
        from . import history, hooks, rules  # noqa: F401
