"""What may refuse deleting a planned event: the apps above editions that grew something from it register a guard
in their ``hooks.py`` (editions never imports them). A guard takes the planned event and answers a Polish reason
to refuse (the person reads it) or None::

    @PLANNED_EVENT_DELETE_GUARDS.register("events.registrations")
    def has_registrations(planned_event): ...
"""

from apps.core.registry import Registry

__all__ = ["PLANNED_EVENT_DELETE_GUARDS", "deletion_refusals"]

PLANNED_EVENT_DELETE_GUARDS: Registry = Registry("planned event deletion guard")


def deletion_refusals(planned_event) -> list[str]:
    """Every registered guard's reason to keep ``planned_event`` (empty: it may be deleted)."""
    reasons = (guard(planned_event) for guard in PLANNED_EVENT_DELETE_GUARDS)
    return [str(reason) for reason in reasons if reason]
