from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenSpaceConfig(AppConfig):
    name = "apps.openspace"
    label = "openspace"
    verbose_name = _("Otwarta przestrzeń (open space)")

    def ready(self):
        # Permission rules, audit labels, dashboard cards.
        from . import history, hooks, rules  # noqa: F401
