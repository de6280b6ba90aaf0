"""Monitoring arithmetic: overdue actions and the progress roll-up.

Roll-up (docs/decisions, "HDR"): an action counts with its progress % (a done action counts 100 %); cancelled
actions are left out. A priority's progress is the mean of its counted actions; the plan's is the mean of all
its counted actions, each action weighing the same (so a priority with more actions weighs more). Means are
rounded half up to whole per cent. With nothing to count the progress is unknown (None), never 0.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from .models import PlannedAction

Status = PlannedAction.Status
CLOSED = {Status.DONE, Status.CANCELLED}


def today() -> date:
    return timezone.localdate()  # Europe/Warsaw: TIME_ZONE


def action_due_on(action) -> date:
    from .months import last_day_of_month

    return last_day_of_month(action.end_month)


def is_overdue(action, on: date | None = None) -> bool:
    """The action's end month has passed and it is neither done nor cancelled."""
    return action.status not in CLOSED and action_due_on(action) < (on or today())


def effective_progress(action) -> int:
    return 100 if action.status == Status.DONE else action.progress


def _mean(values: list[int]) -> int | None:
    if not values:
        return None
    return int((Decimal(sum(values)) / len(values)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class RollUp:
    plan: int | None = None
    by_priority: dict[int, int | None] = field(default_factory=dict)
    counted: int = 0
    cancelled: int = 0
    done: int = 0
    overdue: int = 0


def roll_up(actions: Iterable, priority_ids: Iterable[int] = (), on: date | None = None) -> RollUp:
    on = on or today()
    per_priority: dict[int, list[int]] = {pk: [] for pk in priority_ids}
    everything: list[int] = []
    result = RollUp()
    for action in actions:
        per_priority.setdefault(action.priority_id, [])
        if action.status == Status.CANCELLED:
            result.cancelled += 1
            continue
        value = effective_progress(action)
        per_priority[action.priority_id].append(value)
        everything.append(value)
        result.done += action.status == Status.DONE
        result.overdue += is_overdue(action, on)
    result.plan = _mean(everything)
    result.counted = len(everything)
    result.by_priority = {pk: _mean(values) for pk, values in per_priority.items()}
    return result
