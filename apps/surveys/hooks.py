"""The menu entry, the dashboard card of surveys waiting for the person, and the daily reminders job."""

from datetime import time

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.scheduling.jobs import Daily, local_date, scheduled_job

from . import selectors
from .services import send_reminders

menu_item("surveys:list", gettext_lazy("Ankiety"), order=88, rule="survey.desk", section="/ankiety/")


@dashboard_card("surveys.mine", rule="survey.mine", order=16)
def my_survey_cards(user) -> list[dict]:
    """Open surveys the person is invited to and has not answered (one query)."""
    invitations = [i for i in selectors.my_open_invitations(user) if i.survey.is_open()]
    if not invitations:
        return []
    return [
        {
            "title": _("Ankiety do wypełnienia"),
            "text": "; ".join(f"{i.survey.title} (do {i.survey.closes_on:%d.%m.%Y})" for i in invitations),
            "url": reverse("surveys:mine"),
        }
    ]


@scheduled_job(
    "surveys.send_reminders",
    schedule=Daily(at=time(9, 0)),
    label=gettext_lazy("Przypomnienia o ankietach bez odpowiedzi"),
    order=40,
)
def send_reminders_job(*, slot):
    return {"sent": send_reminders(on=local_date(slot))}
