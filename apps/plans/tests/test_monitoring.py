"""Monitoring: progress and its roll-up, overdue actions, indicator values, evidence, reports and reminders."""

import threading
from datetime import date, timedelta
from io import BytesIO, StringIO
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, connections

from apps.audit.models import AuditEntry
from apps.plans import services
from apps.plans.evidence import validate_evidence_file
from apps.plans.models import ActionReminder, PlannedAction
from apps.plans.months import add_months, last_day_of_month
from apps.plans.progress import is_overdue, roll_up
from apps.plans.tests.helpers import approve_by_both

pytestmark = pytest.mark.django_db

Status = PlannedAction.Status


def row(priority, status, progress, end=date(2030, 1, 1)):
    return SimpleNamespace(priority_id=priority, status=status, progress=progress, end_month=end)


def test_roll_up_is_the_mean_of_counted_actions_cancelled_excluded():
    actions = [
        row(1, Status.IN_PROGRESS, 50),
        row(1, Status.DONE, 60),  # done counts as 100
        row(1, Status.CANCELLED, 0),  # left out
        row(2, Status.PLANNED, 0),
        row(2, Status.DELAYED, 25),
    ]
    rollup = roll_up(actions, [1, 2, 3], on=date(2029, 1, 1))
    assert rollup.by_priority == {1: 75, 2: 13, 3: None}  # 12.5 rounds half up; no actions: unknown
    assert rollup.plan == 44  # (50 + 100 + 0 + 25) / 4 = 43.75: every action weighs the same
    assert (rollup.counted, rollup.cancelled, rollup.done) == (4, 1, 1)
    assert roll_up([]).plan is None


def test_overdue_means_the_end_month_has_passed_and_the_action_is_open():
    march = date(2026, 3, 1)
    assert not is_overdue(row(1, Status.IN_PROGRESS, 10, march), on=date(2026, 3, 31))
    assert is_overdue(row(1, Status.IN_PROGRESS, 10, march), on=date(2026, 4, 1))
    assert not is_overdue(row(1, Status.DONE, 100, march), on=date(2026, 4, 1))
    assert not is_overdue(row(1, Status.CANCELLED, 0, march), on=date(2026, 4, 1))


@pytest.fixture
def approved_plan(complete_plan, leader, advisors):
    services.submit_plan(plan=complete_plan, by=leader)
    return approve_by_both(complete_plan, advisors)


def test_monitoring_starts_after_approval(complete_plan, leader):
    action = complete_plan.actions.first()
    with pytest.raises(ValidationError, match="po zatwierdzeniu HDR"):
        services.record_action_progress(action=action, by=leader, status=Status.IN_PROGRESS, progress=10)


def test_progress_is_recorded_with_its_history(approved_plan, leader):
    action = approved_plan.actions.first()
    services.record_action_progress(action=action, by=leader, status=Status.IN_PROGRESS, progress=40, note="Start")
    services.record_action_progress(action=action, by=leader, status=Status.DONE, progress=70)
    action.refresh_from_db()
    assert (action.status, action.progress) == (Status.DONE, 100)  # done is 100 %
    assert list(action.updates.values_list("progress", flat=True)) == [100, 40]
    with pytest.raises(ValidationError):
        services.record_action_progress(action=action, by=leader, status=Status.IN_PROGRESS, progress=101)
    with pytest.raises(ValidationError):
        services.record_action_progress(action=action, by=leader, status="finished", progress=10)
    assert AuditEntry.objects.filter(action="plan.progress_recorded").count() == 2


def test_indicator_values_follow_the_unit(approved_plan, leader):
    action = approved_plan.actions.first()  # unit: persons
    with pytest.raises(ValidationError) as error:
        services.add_measurement(action=action, by=leader, measured_on=date.today(), value="kilka")
    assert "wymaga wartości liczbowej" in error.value.message_dict["value"][0]
    with pytest.raises(ValidationError) as error:
        services.add_measurement(action=action, by=leader, measured_on=date.today() + timedelta(days=3), value="4")
    assert "measured_on" in error.value.message_dict
    measurement = services.add_measurement(action=action, by=leader, measured_on=date.today(), value="1 204,0")
    assert measurement.value == "1204"


def pdf_upload(name="protokol.pdf", content=b"%PDF-1.4\n%...\n", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes() -> bytes:
    import zipfile

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_evidence_files_are_recognised_by_content(settings):
    assert validate_evidence_file(pdf_upload()).content_type == "application/pdf"
    assert validate_evidence_file(SimpleUploadedFile("a.docx", docx_bytes())).extension == ".docx"
    jpeg = SimpleUploadedFile("zdjecie.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100)
    assert validate_evidence_file(jpeg).content_type == "image/jpeg"
    with pytest.raises(ValidationError, match="Tego rodzaju pliku"):
        validate_evidence_file(SimpleUploadedFile("skrypt.pdf", b"<script>alert(1)</script>"))
    with pytest.raises(ValidationError, match="Tego rodzaju pliku"):
        validate_evidence_file(SimpleUploadedFile("archiwum.docx", b"PK\x03\x04 not really a zip"))
    with pytest.raises(ValidationError, match="pusty"):
        validate_evidence_file(SimpleUploadedFile("pusty.pdf", b""))
    settings.PLAN_EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="za duży"):
        validate_evidence_file(pdf_upload())


def test_evidence_is_stored_privately(approved_plan, leader, settings):
    action = approved_plan.actions.first()
    with pytest.raises(ValidationError):
        services.add_evidence(action=action, by=leader, note="", file=None)
    evidence = services.add_evidence(action=action, by=leader, note="Protokół", file=pdf_upload())
    assert evidence.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert evidence.original_name == "protokol.pdf" and evidence.content_type == "application/pdf"


def test_a_progress_report_keeps_the_roll_up_of_its_day(approved_plan, leader):
    first, second = approved_plan.actions.all()
    services.record_action_progress(action=first, by=leader, status=Status.IN_PROGRESS, progress=50)
    report = services.add_progress_report(
        plan=approved_plan, by=leader, reported_on=date.today(), assessment="at_risk", narrative="Opóźnienia."
    )
    assert report.progress_at_report == 25
    with pytest.raises(ValidationError) as error:
        services.add_progress_report(plan=approved_plan, by=leader, reported_on=None, assessment="x", narrative="")
    assert set(error.value.message_dict) == {"reported_on", "assessment", "narrative"}


def test_reminders_go_once_per_action_and_due_date(approved_plan, leader, mailoutbox, settings):
    settings.PLAN_REMINDER_DAYS = 14
    first, second = approved_plan.actions.order_by("pk")
    due = last_day_of_month(first.end_month)
    on = due - timedelta(days=10)
    PlannedAction.objects.filter(pk=second.pk).update(end_month=add_months(first.end_month, 3))
    mailoutbox.clear()
    assert services.send_action_reminders(on=on) == 1
    assert services.send_action_reminders(on=on) == 0  # running the job again sends nothing
    output = StringIO()
    call_command("send_action_reminders", date=on.isoformat(), stdout=output)
    assert "Wysłano przypomnień: 0" in output.getvalue()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [leader.email]  # nobody named for reminders: the team leader
    assert first.title in mailoutbox[0].subject
    assert ActionReminder.objects.get().due_on == due
    # A new end month is a new due date, with its own reminder.
    PlannedAction.objects.filter(pk=first.pk).update(end_month=add_months(first.end_month, 1))
    assert services.send_action_reminders(on=last_day_of_month(add_months(first.end_month, 1)) - timedelta(days=3)) == 1
    # Done actions and days outside the window are left alone.
    PlannedAction.objects.filter(pk=second.pk).update(status=Status.DONE)
    assert services.send_action_reminders(on=last_day_of_month(second.end_month) - timedelta(days=1)) == 0
    assert services.send_action_reminders(on=due - timedelta(days=30)) == 0


def test_an_action_past_its_end_gets_one_overdue_notice(approved_plan, leader, mailoutbox):
    """Issue: overdue HDR actions got no e-mail. The day after the end month, the responsible person is told once."""
    first, second = approved_plan.actions.order_by("pk")
    PlannedAction.objects.filter(pk=second.pk).update(end_month=add_months(first.end_month, 6))
    day_after = last_day_of_month(first.end_month) + timedelta(days=1)
    services.send_action_reminders(on=last_day_of_month(first.end_month))  # the before-due reminder
    mailoutbox.clear()
    assert services.send_action_reminders(on=day_after) == 1
    assert services.send_action_reminders(on=day_after + timedelta(days=5)) == 0  # once, not every day
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [leader.email]
    assert mailoutbox[0].subject.startswith("Po terminie:") and first.title in mailoutbox[0].subject
    assert "nie jest oznaczone jako zrealizowane" in mailoutbox[0].body
    assert ActionReminder.objects.filter(action=first, kind=ActionReminder.Kind.OVERDUE).count() == 1
    # Marked done afterwards, a later run sends nothing more; moved to a new end month, it can be overdue again.
    PlannedAction.objects.filter(pk=first.pk).update(end_month=add_months(first.end_month, 1))
    assert services.send_action_reminders(on=last_day_of_month(add_months(first.end_month, 1)) + timedelta(days=1)) == 1


def test_reminders_go_to_the_named_team_member(approved_plan, leader, mailoutbox):
    from apps.engagements.factories import TeamMemberFactory

    member = TeamMemberFactory(engagement=approved_plan.engagement, email="odpowiedzialna@gmina.example")
    action, other = approved_plan.actions.order_by("pk")
    PlannedAction.objects.filter(pk=action.pk).update(responsible_member=member)
    PlannedAction.objects.filter(pk=other.pk).update(end_month=add_months(other.end_month, 2))
    mailoutbox.clear()
    services.send_action_reminders(on=last_day_of_month(action.end_month))
    assert [m.to for m in mailoutbox] == [["odpowiedzialna@gmina.example"]]


@pytest.mark.django_db(transaction=True)
def test_reminders_running_twice_at_once_send_once(approved_plan, leader, mailoutbox):
    """Two workers running the job at the same moment: the unique constraint lets one of them send."""
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")
    action = approved_plan.actions.order_by("pk").first()
    on = last_day_of_month(action.end_month)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(services.send_action_reminders(on=on))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results)[-1] >= 1
    assert ActionReminder.objects.filter(action=action).count() == 1
    assert sum(results) == ActionReminder.objects.count()
