from django.apps import AppConfig


class SurveysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.surveys"
    verbose_name = "Ankiety"

    def ready(self):
        from . import history, hooks, rules  # noqa: F401
