"""What privacy plugs in: the daily retention and reminder jobs, the requests card and the menu entry."""

from datetime import time

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.scheduling.jobs import Daily, scheduled_job

from . import selectors, services


def _describe_retention(result) -> str:
    applied = result.get("applied", {})
    if not applied:
        return _("Nic nie przekroczyło okresu przechowywania.")
    return _("Usunięto po okresie przechowywania: %(items)s.") % {
        "items": ", ".join(f"{kind} {count}" for kind, count in applied.items())
    }


@scheduled_job(
    "privacy.apply_retention",
    schedule=Daily(at=time(2, 30)),
    label=gettext_lazy("Okresy przechowywania danych (raport, potem usunięcie)"),
    describe=_describe_retention,
)
def apply_retention_job(*, slot):
    from apps.scheduling.jobs import local_date

    return services.apply_retention(today=local_date(slot))


@scheduled_job(
    "privacy.request_reminders",
    schedule=Daily(at=time(7, 30)),
    label=gettext_lazy("Przypomnienia o terminach wniosków RODO"),
    describe=lambda result: _("Przypomnienia: %(count)s.") % {"count": len(result or [])},
)
def request_reminders_job(*, slot):
    from apps.scheduling.jobs import local_date

    return services.send_request_reminders(today=local_date(slot))


@dashboard_card("privacy.requests", rule="organisation.staff_member", order=75)
def requests_card(user) -> list[dict]:
    cards = []
    for organisation, open_count in selectors.open_request_counts(user):
        cards.append(
            {
                "title": _("Wnioski RODO"),
                "text": _("Czeka na odpowiedź: %(count)s.") % {"count": open_count},
                "url": reverse("privacy:requests", kwargs={"slug": organisation.slug}),
            }
        )
    return cards
