from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "apps.plans"
    label = "plans"
    verbose_name = _("Harmonogramy Działań Rozwojowych")

    def ready(self):
        # Permission rules, audit labels, the HDR stage guard and the engagement page hooks.
        from . import history, hooks, rules  # noqa: F401
