import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.audit.services import record
from apps.core.testing import TEST_PASSWORD, sign_in
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import RegistrationFactory
from apps.messaging.factories import MessageFactory, attach
from apps.messaging.models import Message
from apps.plans.factories import DevelopmentPlanFactory, PlannedActionFactory
from apps.plans.models import PlannedAction
from apps.privacy import services
from apps.privacy.models import FORMER_PARTICIPANT, DataRequest, LegalHold
from apps.recruitment.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _person_with_records():
    engagement = EngagementFactory()
    person = UserFactory(full_name="Zofia Prywatna", email="zofia@alfa.example")
    other = UserFactory(full_name="Tomasz Obcy", email="tomasz@beta.example")
    TeamMemberFactory(engagement=engagement, user=person, full_name=person.full_name, email=person.email)
    TeamMemberFactory(engagement=engagement, user=other, full_name=other.full_name, email=other.email)
    mine = MessageFactory(engagement=engagement, author=person, body="Moja wiadomość o diagnozie")
    attach(mine, name="moja-notatka.pdf", content=b"%PDF-1.4 moje\n")
    theirs = MessageFactory(engagement=engagement, author=other, body="Cudza wiadomość")
    attach(theirs, name="cudza-notatka.pdf", content=b"%PDF-1.4 cudze\n")
    RegistrationFactory(user=person, event__planned_event__edition=engagement.edition)
    RegistrationFactory(user=other, event__planned_event__edition=engagement.edition)
    ApplicationFactory(applicant=person, edition=engagement.edition, contact_email=person.email)
    plan = DevelopmentPlanFactory(engagement=engagement)
    action = PlannedActionFactory(plan=plan, title="Działanie Zofii", created_by=person)
    record(actor=person, action="plan.action_added", target=plan, changes={"title": action.title})
    return person, other, engagement, action


def _archive(person) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(services.build_export(user=person)))


def test_the_export_holds_the_persons_records_and_files_and_nothing_of_anyone_else():
    person, other, _engagement, _action = _person_with_records()
    archive = _archive(person)
    names = archive.namelist()
    assert {"dane.json", "index.html"} <= set(names)
    assert any(name.endswith("moja-notatka.pdf") for name in names)
    assert not any("cudza" in name for name in names)
    text = archive.read("dane.json").decode() + archive.read("index.html").decode()
    titles = {s["title"] for s in json.loads(archive.read("dane.json"))["sections"]}
    assert {"Karty zgłoszenia (złożone przez Ciebie)", "Zgłoszenia na wydarzenia", "Twoje wiadomości"} <= titles
    assert "Moja wiadomość o diagnozie" in text and person.email in text
    for foreign in [other.email, other.full_name, "Cudza wiadomość"]:
        assert foreign not in text
    for name in names:
        assert b"cudze" not in archive.read(name)


def test_the_export_page_downloads_a_zip():
    person, *_rest = _person_with_records()
    client = Client()
    sign_in(client, person)
    response = client.get(reverse("privacy:export"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(response.content)).testzip() is None


def test_a_request_is_due_in_a_month_and_staff_are_reminded_once_before(mailoutbox):
    person, _other, engagement, _action = _person_with_records()
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    data_request = services.file_request(user=person, kind=DataRequest.Kind.ERASURE)
    assert data_request.organisation == engagement.edition.organiser
    assert data_request.due_on == services.due_date(filed_on=timezone.localdate())
    assert services.due_date(filed_on=date(2026, 1, 31)) == date(2026, 2, 28)
    assert services.send_request_reminders(today=data_request.due_on - timedelta(days=20)) == []
    mailoutbox.clear()
    assert services.send_request_reminders(today=data_request.due_on - timedelta(days=3)) == [data_request.pk]
    assert [m.to for m in mailoutbox] == [[staff.email]]
    assert services.send_request_reminders(today=data_request.due_on - timedelta(days=2)) == []


def test_approved_erasure_anonymises_what_is_kept_deletes_the_rest_and_keeps_the_history():
    person, other, engagement, action = _person_with_records()
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    history_before = AuditEntry.objects.count()
    data_request = services.file_request(user=person, kind=DataRequest.Kind.ERASURE)
    services.answer_request(data_request=data_request, approve=True, answer="Usunięto.", by=staff)
    person.refresh_from_db()
    assert person.full_name == FORMER_PARTICIPANT and not person.is_active and not person.has_usable_password()
    assert not person.check_password(TEST_PASSWORD)
    assert not type(person).objects.filter(email__iexact="zofia@alfa.example").exists()
    assert PlannedAction.objects.get(pk=action.pk).created_by == person  # still attributed, to "były uczestnik"
    assert Message.objects.get(author=person).is_deleted
    assert Message.objects.get(author=other).body == "Cudza wiadomość"
    # Every entry is still there (plus those of the request and the erasure); none names the person any more.
    assert AuditEntry.objects.count() >= history_before + 2
    for entry in AuditEntry.objects.all():
        flat = f"{entry.actor_label} {entry.target_repr} {json.dumps(entry.changes, ensure_ascii=False)}"
        assert "Zofia Prywatna" not in flat and "zofia@alfa.example" not in flat
    assert AuditEntry.objects.filter(action="plan.action_added", actor=person).exists()


def test_a_legal_hold_blocks_erasure_with_its_reason():
    from django.core.exceptions import ValidationError

    person, _other, engagement, _action = _person_with_records()
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    services.place_hold(
        edition=engagement.edition, until=timezone.localdate() + timedelta(days=365), reason="Umowa EFS+", by=staff
    )
    data_request = services.file_request(user=person, kind=DataRequest.Kind.ERASURE)
    with pytest.raises(ValidationError, match="Umowa EFS"):
        services.answer_request(data_request=data_request, approve=True, answer="Usuwam.", by=staff)
    person.refresh_from_db()
    assert person.is_active


def test_retention_reports_exactly_what_goes_applies_it_and_a_second_run_changes_nothing():
    keep_days = settings.PRIVACY_RETENTION_DAYS["messages"]
    today = timezone.localdate()
    old_time = timezone.now() - timedelta(days=keep_days + 5)
    held_engagement, free_engagement = EngagementFactory(), EngagementFactory()
    LegalHold.objects.create(edition=held_engagement.edition, until=today + timedelta(days=30), reason="EFS+")
    past = MessageFactory(engagement=free_engagement, created_at=old_time)
    recent = MessageFactory(engagement=free_engagement)
    held = MessageFactory(engagement=held_engagement, created_at=old_time)
    report = {entry["kind"]: entry for entry in services.retention_report(today=today)}
    assert [item["pk"] for item in report["messages"]["items"]] == [past.pk]
    first = services.apply_retention(today=today)
    assert first["applied"]["messages"] == 1
    assert set(Message.objects.values_list("pk", flat=True)) == {recent.pk, held.pk}
    second = services.apply_retention(today=today)
    assert second["applied"] == {} and set(Message.objects.values_list("pk", flat=True)) == {recent.pk, held.pk}


def test_the_register_of_processing_activities_lists_every_source():
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    client = Client()
    sign_in(client, staff)
    response = client.get(reverse("privacy:register"))
    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200
    assert "Zgłoszenia na wydarzenia i szkolenia" in text and "Wiadomości między zespołem JST a doradcami" in text
