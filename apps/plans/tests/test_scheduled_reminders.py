"""HDR reminders go out on their day: the platform's scheduler runs the daily job, nobody runs a command."""

from datetime import datetime, time, timedelta

import pytest

from apps.plans import services
from apps.plans.models import ActionReminder, PlannedAction
from apps.plans.months import add_months, last_day_of_month
from apps.plans.tests.helpers import approve_by_both
from apps.scheduling import services as scheduler
from apps.scheduling.models import JobRun
from apps.scheduling.schedules import WARSAW
from apps.scheduling.testing import fix_clock

pytestmark = pytest.mark.django_db
JOB = "plans.send_action_reminders"


def test_the_scheduler_sends_the_reminder_on_its_day(
    complete_plan, leader, advisors, mailoutbox, settings, monkeypatch
):
    settings.PLAN_REMINDER_DAYS = 14
    services.submit_plan(plan=complete_plan, by=leader)
    plan = approve_by_both(complete_plan, advisors)
    first, second = plan.actions.order_by("pk")
    PlannedAction.objects.filter(pk=second.pk).update(end_month=add_months(first.end_month, 3))
    due = last_day_of_month(first.end_month)
    reminder_day = datetime.combine(due - timedelta(days=14), time(0, 0), tzinfo=WARSAW)
    mailoutbox.clear()

    clock = fix_clock(monkeypatch, reminder_day - timedelta(hours=10))  # the day before, 14:00
    scheduler.tick()
    assert not mailoutbox and not ActionReminder.objects.exists()

    clock.set(reminder_day + timedelta(hours=7, minutes=59))  # before eight: still the day before's run
    assert JOB not in [run.job for run in scheduler.tick()]
    assert not mailoutbox

    clock.set(reminder_day + timedelta(hours=8, seconds=15))
    scheduler.tick()
    assert [m.to for m in mailoutbox] == [[leader.email]]
    assert first.title in mailoutbox[0].subject
    run = JobRun.objects.get(job=JOB, slot=reminder_day + timedelta(hours=8))
    assert (run.status, run.result) == (JobRun.Status.SUCCEEDED, {"sent": 1})

    clock.advance(days=1)
    scheduler.tick()  # the next day's run: the action already has its reminder
    assert len(mailoutbox) == 1
    assert JobRun.objects.filter(job=JOB).latest("slot").result == {"sent": 0}
