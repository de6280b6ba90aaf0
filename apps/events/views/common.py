from apps.core.decorators import object_view

from .. import selectors


def desk_view(rule: str = "event.desk"):
    """An organiser's page of an event: its staff (and the coordinator read-only for ``event.desk``)."""
    return object_view(selectors.event_for_desk, rule=rule, name="event")


def participant_view(rule: str = "event.view"):
    return object_view(selectors.event_for, rule=rule, name="event")
