"""Every write of advisory work (re-exported from the parts of the package)."""

from .common import advising_plan, location_of, span_problems, visit_calendar_item
from .hours import (
    add_time_entry,
    approve_sheet,
    check_hours,
    delete_time_entry,
    return_sheet,
    split_over_days,
    submit_sheet,
)
from .records import confirm_record, log_session, task_to_action, tick_task, write_record
from .visits import accept_option, propose_dates, reschedule_visit, save_advising_plan, withdraw_option

__all__ = [
    "accept_option",
    "add_time_entry",
    "advising_plan",
    "approve_sheet",
    "check_hours",
    "confirm_record",
    "delete_time_entry",
    "location_of",
    "log_session",
    "propose_dates",
    "reschedule_visit",
    "return_sheet",
    "save_advising_plan",
    "span_problems",
    "split_over_days",
    "submit_sheet",
    "task_to_action",
    "tick_task",
    "visit_calendar_item",
    "withdraw_option",
    "write_record",
]
