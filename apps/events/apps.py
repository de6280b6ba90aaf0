from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Wydarzenia i logistyka")

    def ready(self):
        # Permission rules, audit labels, menu, cards, scheduled jobs and the calendar source.
        from . import history, hooks, receivers, rules  # noqa: F401
