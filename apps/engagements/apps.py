from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "apps.engagements"
    label = "engagements"
    verbose_name = "Doradztwo dla JST (karty JST)"

    def ready(self):
        from . import receivers, rules  # noqa: F401  (permission rules; account activation links team members)
