from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "apps.programmes"
    label = "programmes"
    verbose_name = _("Programy szkoleniowo-doradcze")

    def ready(self):
        # Permission rules, audit labels, the menu entry and the catalogue's draft copier.
        from . import history, hooks, rules  # noqa: F401
