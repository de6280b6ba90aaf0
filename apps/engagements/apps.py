from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "apps.engagements"
    label = "engagements"
    verbose_name = "Doradztwo dla JST (karty JST)"

    def ready(self):
        # Permission rules; account activation links team members; audit labels; the hook registries with the menu
        # entry and dashboard cards; own stage panels, guards and waiting items.
        from . import history, hooks, panels, receivers, rules, services  # noqa: F401
