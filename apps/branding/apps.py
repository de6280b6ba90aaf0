from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    name = "apps.branding"
    label = "branding"
    verbose_name = _("Wizerunek organizatora i znaki finansowania")

    def ready(self):
        # Permission rules and audit labels.
        from . import history, rules  # noqa: F401
