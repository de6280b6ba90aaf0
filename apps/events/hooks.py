"""How events appear in the rest of the platform: the "Wydarzenia" menu entry, dashboard cards (the person's
coming events; the organiser's desk), the edition overview's section, the scheduled jobs (the programme 7 days
before, the reminder the day before, expired offers of freed places) and each person's calendar feed."""

from datetime import time

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.core.calendar import calendar_source
from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.permissions import can
from apps.editions.deletion import PLANNED_EVENT_DELETE_GUARDS
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.scheduling.jobs import Daily, Every, local_date, scheduled_job

from . import selectors
from .models import Registration
from .services import expire_offers, send_programmes, send_reminders
from .services.notices import calendar_item

menu_item("events:mine", gettext_lazy("Wydarzenia"), order=85, rule="event.my_events", section="/wydarzenia/")


@dashboard_card("events.mine", rule="event.my_events", order=15)
def my_event_cards(user) -> list[dict]:
    """The person's coming events they may register for or are registered to (two queries)."""
    today = timezone.localdate()
    events = [e for e in selectors.my_events(user) if e.ends_on >= today]
    if not events:
        return []
    states = dict(
        Registration.objects.filter(user=user, event__in=[e.pk for e in events]).values_list("event_id", "status")
    )
    cards = []
    for event in events[:4]:
        status = states.get(event.pk)
        if status:
            text = _("%(dates)s, %(place)s. Twoje zgłoszenie: %(status)s.") % {
                "dates": event.dates_label,
                "place": event.place_label,
                "status": Registration.Status(status).label,
            }
        else:
            text = _("%(dates)s, %(place)s.") % {"dates": event.dates_label, "place": event.place_label}
        cards.append(
            {
                "title": event.title,
                "text": text,
                "url": reverse("events:detail", kwargs={"pk": event.pk}),
            }
        )
    return cards


@dashboard_card("events.desk", rule="event.desk", order=72)
def desk_card(user) -> list[dict]:
    return [
        {
            "title": _("Wydarzenia i logistyka"),
            "text": _("Miejsca, programy, rejestracja, pokoje, posiłki, obecność."),
            "url": reverse("events:desk"),
        }
    ]


@OVERVIEW_SECTIONS.register("events.events", order=25)
def events_section(edition, user):
    if not can(user, "event.desk", edition):
        return None
    planned = list(edition.planned_events.all())
    from .models import Event

    grown = {e.planned_event_id: e for e in Event.objects.filter(planned_event__in=[p.pk for p in planned])}
    return OverviewSection(
        heading=_("Wydarzenia i logistyka"),
        template="events/_edition_section.html",
        context={"rows": [(p, grown.get(p.pk)) for p in planned], "edition": edition},
    )


@PLANNED_EVENT_DELETE_GUARDS.register("events.registrations")
def keep_events_with_registrations(planned_event):
    """A planned event whose event has registrations (even cancelled ones: they are its history) is kept."""
    count = Registration.objects.filter(event__planned_event=planned_event).count()
    if not count:
        return None
    return ngettext(
        "Nie można usunąć wydarzenia „%(title)s”: ma %(count)d zgłoszenie uczestnika. Anuluj wydarzenie w "
        "module wydarzeń albo zmień jego termin.",
        "Nie można usunąć wydarzenia „%(title)s”: ma zgłoszenia uczestników (%(count)d). Anuluj wydarzenie w "
        "module wydarzeń albo zmień jego termin.",
        count,
    ) % {"title": planned_event.title, "count": count}


def _describe_sent(result) -> str:
    count = (result or {}).get("sent", 0)
    return ngettext("Wysłano %(count)d wiadomość.", "Wysłano wiadomości: %(count)d.", count) % {"count": count}


@scheduled_job(
    "events.send_programmes",
    schedule=Daily(at=time(7, 0)),
    label=gettext_lazy("Program wydarzenia na 7 dni przed"),
    describe=_describe_sent,
    order=30,
)
def send_programmes_job(*, slot):
    return send_programmes(today=local_date(slot))


@scheduled_job(
    "events.send_reminders",
    schedule=Daily(at=time(9, 0)),
    label=gettext_lazy("Przypomnienie dzień przed wydarzeniem"),
    describe=_describe_sent,
    order=31,
)
def send_reminders_job(*, slot):
    return send_reminders(today=local_date(slot))


def _describe_expired(result) -> str:
    count = (result or {}).get("expired", 0)
    return ngettext("Wygasła %(count)d propozycja miejsca.", "Wygasłe propozycje miejsc: %(count)d.", count) % {
        "count": count
    }


@scheduled_job(
    "events.expire_offers",
    schedule=Every(minutes=15),
    label=gettext_lazy("Wygasanie propozycji zwolnionych miejsc"),
    describe=_describe_expired,
    order=32,
)
def expire_offers_job(*, slot):
    return {"expired": expire_offers()}


@calendar_source("events.registrations", order=20)
def my_events_in_calendar(user):
    """The events the person is registered for (they can open each one on the site)."""
    registrations = Registration.objects.filter(user=user, status=Registration.Status.REGISTERED).select_related(
        "event__planned_event", "event__venue"
    )
    return [calendar_item(event=r.event) for r in registrations]


@dashboard_card("events.missed", rule="engagement.advise_any", order=22)
def missed_event_cards(user) -> list[dict]:
    """For an advisor: the JSTs they advise whose team missed a past event (nobody checked in)."""
    missed = selectors.missed_events_of_advisor(user)
    if not missed:
        return []
    text = "; ".join(
        _("%(jst)s: %(event)s (%(dates)s)")
        % {"jst": engagement.local_government.display_name, "event": event.title, "dates": event.dates_label}
        for event, engagement in missed[:5]
    )
    return [
        {
            "title": _("JST nieobecne na wydarzeniach"),
            "text": text,
            "url": reverse("engagements:detail", kwargs={"pk": missed[0][1].pk}),
        }
    ]
