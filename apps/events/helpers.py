"""Small helpers the events app shares: locking the event row, the deadline in Warsaw time, setting fields, dates."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format

from apps.editions.models import PROGRAMME_TZ

from .models import Event


def locked_event(event: Event) -> Event:
    """The event row locked for the rest of the transaction (PostgreSQL; SQLite writes are serialised anyway)."""
    return (
        Event.objects.select_for_update(of=("self",)).select_related("planned_event__edition", "venue").get(pk=event.pk)
    )


def deadline_passed(event: Event, now: datetime | None = None) -> bool:
    end = datetime.combine(event.registration_deadline, time.max, tzinfo=PROGRAMME_TZ)
    return (now or timezone.now()) > end


def set_fields(obj, allowed: list[str], values: dict) -> None:
    for name, value in values.items():
        if name in allowed:
            setattr(obj, name, value)


def d(value) -> str:
    return date_format(value, "d.m.Y")


def readable_times(changes: dict) -> dict:
    """Times of day as "HH:MM" (the audit log stores JSON and knows dates, not times)."""
    from datetime import time as time_of_day

    def plain(value):
        if isinstance(value, time_of_day):
            return value.strftime("%H:%M")
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return {key: plain(value) for key, value in changes.items()}
