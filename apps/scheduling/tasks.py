"""The scheduler hands each claimed run to the task queue (django-tasks), so the worker runs it."""

from django_tasks import task

from . import services


@task()
def run_job(*, run_id: int, claim: str) -> str:
    return services.execute(run_id=run_id, claim=claim)
