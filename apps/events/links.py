"""Links other apps add to an event's pages (decision 0013's registry pattern): the organiser's event page
(``page="manage"``) and the participant's event detail (``page="detail"``). A higher app (e.g. the open spaces)
registers a provider from its ``hooks.py``; the events app renders the links and never imports the provider.

A provider takes ``(event, user, page)`` and answers a list of ``EventLink`` (empty to stay out), at a constant
number of queries whatever the event holds."""

from collections.abc import Callable
from dataclasses import dataclass

from apps.core.registry import Registry

__all__ = ["EVENT_LINKS", "EventLink", "event_link", "links_for"]

MANAGE = "manage"
DETAIL = "detail"


@dataclass(frozen=True)
class EventLink:
    label: str
    url: str


LinkProvider = Callable[..., list[EventLink]]

EVENT_LINKS: Registry[LinkProvider] = Registry("event page link")


def event_link(key: str, order: int = 100):
    def decorator(fn: LinkProvider) -> LinkProvider:
        EVENT_LINKS.register(key, fn, order=order)
        return fn

    return decorator


def links_for(event, user, page: str) -> list[EventLink]:
    links = []
    for entry in EVENT_LINKS.entries():
        links.extend(entry.value(event, user, page))
    return links
