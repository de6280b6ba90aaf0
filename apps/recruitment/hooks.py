"""What recruitment plugs into the rest of the platform: its daily job on the scheduler."""

from datetime import time

from django.utils.translation import gettext_lazy as _

from apps.scheduling.jobs import Daily, local_date, scheduled_job

from . import services


def _describe_published(result) -> str:
    names = result.get("published", [])
    if not names:
        return _("Brak naborów, których wyniki czekają na publikację.")
    return _("Opublikowano wyniki naboru: %(names)s.") % {"names": "; ".join(names)}


@scheduled_job(
    "recruitment.publish_due_results",
    schedule=Daily(at=time(6, 0)),
    label=_("Publikacja wyników naborów w dniu ogłoszenia"),
    describe=_describe_published,
    order=10,
)
def publish_due_results_job(*, slot):
    # The same service as ``manage.py publish_due_results``, for the day of the slot in Europe/Warsaw.
    return {"published": [edition.name for edition in services.publish_due_results(today=local_date(slot))]}
