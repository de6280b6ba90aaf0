"""Two people acting on one summary at the same moment (PostgreSQL: SQLite serialises the whole database)."""

import threading

import pytest
from django.db import connection, connections

from apps.audit.models import AuditEntry
from apps.core.locking import StaleEdit
from apps.publications import services
from apps.publications.factories import fill_summary
from apps.publications.models import EditionPublishing, FinalSummary, FormCode, SummaryVersion

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")


def at_once(*calls):
    """Run each call in its own thread and connection, released together; return (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.fixture
def summary(engagement, leader, plan):
    return services.start_summary(engagement=engagement, form=FormCode.GOOD_PRACTICE, by=leader)


def test_two_saves_of_the_same_version_keep_one_and_refuse_the_other(summary, leader, member):
    results, errors = at_once(
        lambda: services.update_summary(summary=summary, expected_version=1, by=leader, content={"i3": "Anna"}),
        lambda: services.update_summary(summary=summary, expected_version=1, by=member, content={"i3": "Bartek"}),
    )
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], StaleEdit)
    summary.refresh_from_db()
    assert summary.version == 2 and summary.content["i3"] == results[0].content["i3"]


def test_both_advisors_accepting_at_once_accept_the_summary_once(summary, engagement, leader, advisors):
    EditionPublishing.objects.create(edition=engagement.edition, both_advisors_accept=True)
    summary = fill_summary(summary, by=leader)
    services.submit_summary(summary=summary, by=leader)
    results, errors = at_once(*(lambda a=a: services.accept_summary(summary=summary, by=a) for a in advisors))
    assert not errors
    summary.refresh_from_db()
    assert summary.status == FinalSummary.Status.ACCEPTED
    assert summary.accepted_version.status == SummaryVersion.Status.ACCEPTED
    assert summary.accepted_version.approvals.count() == 2
    assert AuditEntry.objects.filter(action="summary.accepted").count() == 1


def test_two_submissions_at_once_freeze_one_version(summary, leader, member):
    summary = fill_summary(summary, by=leader)
    results, errors = at_once(
        lambda: services.submit_summary(summary=summary, by=leader),
        lambda: services.submit_summary(summary=summary, by=member),
    )
    assert len(results) == 1 and len(errors) == 1
    assert "przekazane" in " ".join(getattr(errors[0], "messages", [str(errors[0])]))
    assert SummaryVersion.objects.filter(summary=summary).count() == 1
