"""The reminder job as a queued task, for deployments that schedule tasks rather than commands."""

from django_tasks import task

from .services import send_action_reminders


@task()
def send_action_reminders_task() -> int:
    return send_action_reminders()
