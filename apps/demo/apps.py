from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "apps.demo"
    label = "demo"
    verbose_name = _("Dane demonstracyjne")

    def ready(self):
        from apps.audit.actions import describe

        describe({"demo.loaded": _("Wczytano dane demonstracyjne")})
