"""Reminders before an action's end and notices after it."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction

from apps.audit.services import record
from apps.core.mail import send_templated_email

from ..models import ActionReminder, PlannedAction
from ..months import first_of_month, last_day_of_month
from ..progress import CLOSED, today


def reminder_days() -> int:
    return settings.PLAN_REMINDER_DAYS


def _reminder_recipients(action: PlannedAction) -> list[str]:
    member = action.responsible_member
    if member is not None and member.left_at is None and member.email:
        return [member.email]
    # Nobody named for reminders: the team leader keeps the plan moving.
    return [m.email for m in action.plan.engagement.team_members.all() if m.is_leader and m.left_at is None]


def send_action_reminders(*, on: date | None = None) -> int:
    """Remind the responsible person of each open action of an approved HDR whose end (the last day of its end
    month) falls within the next ``PLAN_REMINDER_DAYS`` days, and tell them once when an open action has passed
    its end. One message of each kind per action and due date, recorded in ``ActionReminder`` under a unique
    constraint, so running this twice (or twice at once) sends it once. Returns the number of messages sent."""
    on = on or today()
    horizon = on + timedelta(days=reminder_days())
    open_actions = (
        PlannedAction.objects.filter(plan__approved_version__isnull=False)
        .exclude(status__in=CLOSED)
        .select_related("plan__engagement__local_government", "responsible_member")
        .prefetch_related("plan__engagement__team_members")
    )
    due_soon = open_actions.filter(end_month__gte=first_of_month(on), end_month__lte=first_of_month(horizon))
    sent = 0
    for action in due_soon:
        due = last_day_of_month(action.end_month)
        if on <= due <= horizon:
            sent += _remind(
                action, due=due, kind=ActionReminder.Kind.BEFORE_DUE, template="plans/email/action_reminder"
            )
    for action in open_actions.filter(end_month__lt=first_of_month(on)):
        due = last_day_of_month(action.end_month)
        sent += _remind(action, due=due, kind=ActionReminder.Kind.OVERDUE, template="plans/email/action_overdue")
    return sent


def _remind(action: PlannedAction, *, due: date, kind: str, template: str) -> int:
    recipients = _reminder_recipients(action)
    if not recipients:
        return 0
    with transaction.atomic():
        _reminder, created = ActionReminder.objects.get_or_create(
            action=action, due_on=due, kind=kind, defaults={"recipients": recipients}
        )
        if not created:
            return 0
        send_templated_email(
            to=recipients,
            template=template,
            context={"action": action, "plan": action.plan, "engagement": action.plan.engagement, "due": due},
        )
        record(
            actor=None,
            action="plan.overdue_notice_sent" if kind == ActionReminder.Kind.OVERDUE else "plan.reminder_sent",
            target=action.plan,
            changes={"action": action.title, "due_on": due, "to": recipients},
        )
    return 1
