from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Rdzeń platformy")

    def ready(self):
        # The shell's own rule and menu entries; every other app registers its own from its ready().
        from . import hooks, rules  # noqa: F401
