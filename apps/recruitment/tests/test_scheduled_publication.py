"""The results publish themselves on the results date: the platform's scheduler runs the daily job, nobody
runs a command."""

from datetime import datetime, time, timedelta

import pytest

from apps.engagements.models import Engagement
from apps.recruitment import services
from apps.recruitment.factories import PaperReceiptFactory, SubmittedApplicationFactory
from apps.recruitment.kinds import DocumentKind
from apps.recruitment.models import Application
from apps.scheduling import services as scheduler
from apps.scheduling.models import JobRun
from apps.scheduling.schedules import WARSAW
from apps.scheduling.testing import fix_clock
from apps.territory.factories import LocalGovernmentFactory

pytestmark = pytest.mark.django_db
Status = Application.Status
JOB = "recruitment.publish_due_results"


def _decided_applications(edition, organiser):
    applications = []
    for status in (Status.QUALIFIED, Status.QUALIFIED, Status.REJECTED):
        application = SubmittedApplicationFactory(edition=edition, local_government=LocalGovernmentFactory())
        for kind in DocumentKind.values:
            PaperReceiptFactory(application=application, kind=kind)
        services._refresh_documents(application)
        services.decide(
            application=application, status=status, by=organiser, reason="Po terminie." if status == "rejected" else ""
        )
        applications.append(application)
    return applications


def test_the_scheduler_publishes_the_results_on_the_results_date(edition, organiser, monkeypatch, mailoutbox):
    _decided_applications(edition, organiser)
    results_day = datetime.combine(edition.results_date, time(0, 0), tzinfo=WARSAW)
    clock = fix_clock(monkeypatch, results_day - timedelta(hours=17))  # the evening before, 07:00

    scheduler.tick()
    assert services.stored_call(edition=edition).results_published_at is None
    assert JobRun.objects.get(job=JOB).result == {"published": []}

    clock.set(results_day + timedelta(hours=6, seconds=20))  # the scheduler's tick just after six
    scheduler.tick()
    assert services.stored_call(edition=edition).results_published_at is not None
    assert Engagement.objects.filter(edition=edition).count() == 2
    run = JobRun.objects.get(job=JOB, slot=results_day + timedelta(hours=6))
    assert (run.status, run.result) == (JobRun.Status.SUCCEEDED, {"published": [edition.name]})
    assert any(m.subject.startswith("Wynik naboru") for m in mailoutbox)

    mailoutbox.clear()
    clock.advance(days=1)
    scheduler.tick()  # the next day's run finds nothing more to publish
    assert JobRun.objects.filter(job=JOB).count() == 3 and not mailoutbox
