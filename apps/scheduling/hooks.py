"""The scheduler's own job (forget the records of runs older than 90 days, so frequent jobs do not grow the table
without end) and its dashboard card."""

from datetime import time, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.dashboard import dashboard_card

from . import services
from .jobs import Daily, scheduled_job

KEEP_RUNS = timedelta(days=90)


def _describe_pruned(result) -> str:
    count = result.get("deleted", 0)
    return ngettext("Usunięto %(count)d stary wpis.", "Usunięto starych wpisów: %(count)d.", count) % {"count": count}


@scheduled_job(
    "scheduling.prune_runs",
    schedule=Daily(at=time(3, 30)),
    label=_("Porządkowanie historii zadań"),
    describe=_describe_pruned,
    order=900,
)
def prune_runs_job(*, slot):
    return {"deleted": services.prune_runs(before=slot - KEEP_RUNS)}


@dashboard_card("scheduling.runs", rule="scheduling.view_runs", order=75)
def runs_card(user) -> list[dict]:
    return [
        {
            "title": _("Zadania okresowe"),
            "text": _(
                "Publikacja wyników, przypomnienia i inne zadania wykonywane o stałych porach: ostatnie uruchomienia."
            ),
            "url": reverse("scheduling:runs"),
        }
    ]
