from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    name = "apps.recruitment"
    label = "recruitment"
    verbose_name = _("Nabór JST")

    def ready(self):
        # Permission rules, audit labels, menu entries, dashboard cards, overview sections and the daily job.
        from . import history, hooks, rules  # noqa: F401
