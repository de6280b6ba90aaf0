from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "apps.documents"
    label = "documents"
    verbose_name = _("Dokumenty")

    def ready(self):
        # Describe the audit actions of generation jobs.
        from . import history  # noqa: F401
