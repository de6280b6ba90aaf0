from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "apps.engagements"
    label = "engagements"
    verbose_name = "Doradztwo dla JST (karty JST)"

    def ready(self):
        # Permission rules; account activation links team members; audit labels; own stage panels and waiting items.
        from . import history, panels, receivers, rules  # noqa: F401
