"""Calendar entries in the iCalendar format: the invitations e-mailed for visits and events, and each person's
private feed, filled by registrations so that core imports no app::

    @calendar_source("advising.visits", order=10)
    def my_visits(user):
        return [CalendarItem(uid=f"visit-{v.pk}@doradztwo", summary=..., starts=v.starts_on, ends=v.ends_on, ...)]

A source returns what the person takes part in (whatever they may see anyway); the feed URL carries a secret token
(``accounts.CalendarFeed``), so a source must never return what the person could not open on the site.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from icalendar import Calendar, Event

from .registry import Registry

__all__ = ["CALENDAR_SOURCES", "CalendarItem", "calendar_source", "items_for", "to_ics"]


@dataclass(frozen=True)
class CalendarItem:
    """One entry. ``starts``/``ends`` are both dates (all-day, ``ends`` is the last day, inclusive) or both datetimes
    (aware). ``sequence`` grows each time the entry is rescheduled, so calendars replace the earlier copy."""

    uid: str
    summary: str
    starts: datetime.date | datetime.datetime
    ends: datetime.date | datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    sequence: int = 0
    cancelled: bool = False


SourceFn = Callable[[object], Iterable[CalendarItem]]
CALENDAR_SOURCES: Registry[SourceFn] = Registry("calendar source")


def calendar_source(key: str, *, order: int) -> Callable[[SourceFn], SourceFn]:
    def register(fn: SourceFn) -> SourceFn:
        CALENDAR_SOURCES.register(key, fn, order=order)
        return fn

    return register


def items_for(user) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    for source in CALENDAR_SOURCES:
        items += source(user)
    return sorted(items, key=lambda item: (_as_datetime(item.starts), item.uid))


def to_ics(items: Iterable[CalendarItem], *, method: str = "PUBLISH", name: str = "") -> bytes:
    """A VCALENDAR of ``items``. ``method="REQUEST"`` for an invitation e-mailed to the people who take part,
    ``"CANCEL"`` when it is withdrawn, ``"PUBLISH"`` for a feed."""
    calendar = Calendar()
    calendar.add("prodid", "-//Doradztwo dla JST//PL")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    stamp = datetime.datetime.now(tz=datetime.UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if isinstance(item.starts, datetime.datetime):
            event.add("dtstart", item.starts)
            event.add("dtend", item.ends)
        else:
            # All-day entries end on the next day (DTEND is exclusive in iCalendar).
            event.add("dtstart", item.starts)
            event.add("dtend", item.ends + datetime.timedelta(days=1))
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url if "://" in item.url else f"{settings.SITE_URL}{item.url}")
        event.add("sequence", item.sequence)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


def _as_datetime(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=datetime.UTC)
