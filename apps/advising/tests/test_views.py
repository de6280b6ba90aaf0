import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.advising import services
from apps.advising.factories import RemoteSessionFactory, TimeEntryFactory, VisitFactory
from apps.advising.models import AgreedTask, TimeSheet, Visit, VisitRecord
from apps.core.testing import assert_constant_queries, sign_in
from apps.engagements.factories import EngagementFactory

from .conftest import span, workday

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _dates(*offsets) -> dict:
    data = {}
    for index, offset in enumerate(offsets, start=1):
        start, end = span(offset)
        data[f"option_{index}_start"], data[f"option_{index}_end"] = str(start), str(end)
    return data


def test_the_walk_from_dates_to_an_approved_time_sheet(engagement, advisors, leader, mailoutbox):
    first, second = _client(advisors[0]), _client(advisors[1])
    response = first.post(reverse("advising:propose", args=[engagement.pk, 1]), _dates(-3, -2))
    visit = Visit.objects.get(engagement=engagement, number=1)
    assert response.status_code == 302 and visit.state == Visit.State.DATES_PROPOSED
    team = _client(leader)
    page = team.get(reverse("advising:visit", args=[visit.pk])).content.decode()
    assert "Przyjmij termin" in page
    option = visit.options.order_by("starts_on").first()
    team.post(reverse("advising:accept", args=[option.pk]))
    invitations = [m for m in mailoutbox if m.attachments]
    assert invitations and {advisors[0].email, advisors[1].email, leader.email} <= set(invitations[-1].to)
    assert "METHOD:REQUEST" in invitations[-1].attachments[0][1]

    member = engagement.team_members.get()
    response = first.post(
        reverse("advising:record_edit", args=[visit.pk]),
        {
            "support_kind": "meeting",
            "participants": [member.pk],
            "other_participants": "Jan Nowak, dyrektor SP 1",
            "topics": "Diagnoza potrzeb",
            "cycle_stage": "diagnosis",
            "findings": "Potrzebne dane",
            "task_1_what": "Zebrać dane SIO",
            "task_1_who": "Zespół",
            "task_2_what": "Ankieta dla dyrektorów",
            "task_2_who": "Anna",
            f"hours_{advisors[0].pk}": "12",
            f"hours_{advisors[1].pk}": "10,5",
            "attachments": SimpleUploadedFile("lista.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record = VisitRecord.objects.get(visit=visit)
    assert record.attachments.count() == 1 and record.participants.count() == 1
    second.post(reverse("advising:record_confirm", args=[visit.pk]))
    assert Visit.objects.get(pk=visit.pk).state == Visit.State.CONFIRMED
    pdf = first.get(reverse("advising:record_pdf", args=[visit.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    from apps.documents.pdf import pdf_text

    assert "Diagnozapotrzeb" in "".join(pdf_text(pdf.content).split())

    dashboard = team.get(reverse("core:dashboard")).content.decode()
    assert "Zebrać dane SIO" in dashboard and "Ankieta dla dyrektorów" in dashboard

    response = first.post(
        reverse("advising:session_create", args=[engagement.pk]),
        {
            "held_on": str(workday(-1)),
            "duration_minutes": "60",
            "channel": "video",
            "topics": "HDR",
            f"hours_{advisors[0].pk}": "1",
        },
    )
    assert response.status_code == 302
    month = workday(-1).replace(day=1)
    first.get(reverse("advising:my_hours") + f"?miesiac={month:%Y-%m}")
    first.post(
        reverse("advising:sheet_submit"),
        {"month": f"{month:%Y-%m}", "organiser": engagement.edition.organiser_id},
    )
    sheet = TimeSheet.objects.get(advisor=advisors[0], month=month)
    assert sheet.state == TimeSheet.State.SUBMITTED
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    _client(staff).post(reverse("advising:sheet_approve", args=[sheet.pk]))
    sheet.refresh_from_db()
    assert sheet.state == TimeSheet.State.APPROVED

    from openpyxl import load_workbook

    data = _client(staff).get(reverse("advising:sheet_xlsx", args=[sheet.pk])).content
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    total = rows[-1][-1]
    expected = sum(e.hours for e in sheet.advisor.advising_hours.filter(on__gte=month))
    assert Decimal(str(total)) == expected and expected > 0


def _error_next_to(page: str, field: str, text: str) -> bool:
    """The message is in the error element the field names in aria-describedby."""
    return f'id="id_{field}_error"' in page and text in page


def test_bad_dates_are_refused_next_to_the_field(engagement, advisors):
    client = _client(advisors[0])
    far = engagement.edition.period_end.replace(year=engagement.edition.period_end.year + 1)
    data = _dates(2) | {"option_2_start": str(far), "option_2_end": str(far)}
    page = client.post(reverse("advising:propose", args=[engagement.pk, 1]), data).content.decode()
    assert _error_next_to(page, "option_2_start", "poza okresem realizacji edycji")
    assert client.post(reverse("advising:propose", args=[engagement.pk, 1]), data).status_code == 200


def test_zero_duration_and_too_many_hours_are_refused(engagement, advisors):
    client = _client(advisors[0])
    page = client.post(
        reverse("advising:session_create", args=[engagement.pk]),
        {"held_on": str(workday(-1)), "duration_minutes": "0", "channel": "phone", "topics": "x"},
    ).content.decode()
    assert _error_next_to(page, "duration_minutes", "Czas trwania musi być większy od zera")
    page = client.post(
        reverse("advising:hours_add"),
        {"engagement": engagement.pk, "on": str(workday(-1)), "kind": "travel", "hours": "25"},
    ).content.decode()
    assert _error_next_to(page, "hours", "doba ma 24 godziny")


def test_wrong_attachment_and_editing_a_confirmed_record(engagement, advisors, leader):
    visit = VisitFactory(
        engagement=engagement, number=1, state=Visit.State.AGREED, starts_on=workday(-2), ends_on=workday(-2)
    )
    client = _client(advisors[0])
    url = reverse("advising:record_edit", args=[visit.pk])
    page = client.post(
        url,
        {
            "support_kind": "meeting",
            "topics": "x",
            "attachments": SimpleUploadedFile("skrypt.exe", b"MZ\x90\x00", content_type="application/pdf"),
        },
    ).content.decode()
    assert _error_next_to(page, "attachments", "Tego rodzaju pliku nie można dołączyć")
    record, _ = services.write_record(visit=visit, by=advisors[0], support_kind="meeting", topics="x")
    services.confirm_record(visit_record=record, by=advisors[1])
    page = client.post(url, {"support_kind": "meeting", "topics": "y"}).content.decode()
    assert _error_next_to(page, "correction_reason", "potwierdzone i zamrożone")
    assert VisitRecord.objects.get(pk=record.pk).topics == "x"


def test_an_approved_sheet_refuses_hours(engagement, advisors):
    TimeEntryFactory(advisor=advisors[0], engagement=engagement, on=workday(-1))
    organiser = engagement.edition.organiser
    sheet = services.submit_sheet(advisor=advisors[0], organiser=organiser, month=workday(-1), by=advisors[0])
    staff = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF).user
    services.approve_sheet(sheet=sheet, by=staff)
    page = (
        _client(advisors[0])
        .post(
            reverse("advising:hours_add"),
            {"engagement": engagement.pk, "on": str(workday(-1)), "kind": "travel", "hours": "1"},
        )
        .content.decode()
    )
    assert _error_next_to(page, "hours", "zatwierdzona")


def test_withdrawn_option_accepted_from_a_stale_page_is_told(engagement, advisors, leader):
    visit, _ = services.propose_dates(engagement=engagement, number=1, options=[span(2), span(3)], by=advisors[0])
    option = visit.options.order_by("starts_on").first()
    services.withdraw_option(option=option, by=advisors[0])
    response = _client(leader).post(reverse("advising:accept", args=[option.pk]), follow=True)
    assert "w międzyczasie wycofana" in response.content.decode()


def test_edition_pages_do_not_grow_with_engagements(engagement, advisors):
    edition = engagement.edition
    staff = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    client = _client(staff)

    def build(n):
        for _i in range(n):
            other = EngagementFactory(edition=edition)
            for number in (1, 2, 3):
                VisitFactory(engagement=other, number=number, state=Visit.State.AGREED)
            RemoteSessionFactory(engagement=other)
            TimeEntryFactory(engagement=other, advisor=advisors[0])

    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("advising:edition_visits", args=[edition.slug]))
    )
    assert_constant_queries(
        build=build, request=lambda: client.get(reverse("advising:edition_hours_xlsx", args=[edition.slug]))
    )


def test_tasks_are_ticked_from_the_karta(engagement, leader):
    task = AgreedTask.objects.create(engagement=engagement, what="Zadanie", who="Zespół")
    _client(leader).post(reverse("advising:task_tick", args=[task.pk]), {"done": "1"})
    assert AgreedTask.objects.get(pk=task.pk).done_at is not None


def test_an_attachment_over_the_limit_is_refused_next_to_the_field(engagement, advisors, settings):
    settings.PLAN_EVIDENCE_MAX_BYTES = 100
    visit = VisitFactory(
        engagement=engagement, number=1, state=Visit.State.AGREED, starts_on=workday(-2), ends_on=workday(-2)
    )
    page = (
        _client(advisors[0])
        .post(
            reverse("advising:record_edit", args=[visit.pk]),
            {
                "support_kind": "meeting",
                "topics": "Tematy zostają",
                "attachments": SimpleUploadedFile("duzy.pdf", b"%PDF-1.4\n" + b"0" * 500),
            },
        )
        .content.decode()
    )
    assert _error_next_to(page, "attachments", "Plik jest za duży")
    assert "Tematy zostają" in page and not VisitRecord.objects.exists()


def test_deleting_hours_asks_first_and_then_deletes(engagement, advisors):
    entry = TimeEntryFactory(advisor=advisors[0], engagement=engagement, on=workday(-1), note="Konsultacje HDR")
    client = Client()
    sign_in(client, advisors[0])
    url = reverse("advising:hours_delete", kwargs={"pk": entry.pk})
    page = client.get(url).content.decode()
    assert "Usunięcie godzin" in page and "Konsultacje HDR" in page and "Usuń godziny" in page
    assert type(entry).objects.filter(pk=entry.pk).exists()  # looking at the question deletes nothing
    response = client.post(url)
    assert response.status_code == 302 and not type(entry).objects.filter(pk=entry.pk).exists()


def test_the_dashboards_overdue_count_is_the_number_of_jsts_the_overdue_list_shows(engagement, monkeypatch):
    from apps.advising import selectors

    edition = engagement.edition
    on_time, late, withdrawn = (EngagementFactory(edition=edition) for _ in range(3))
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save(update_fields=["withdrawn_at"])
    plan = selectors.advising_plan(edition=edition)
    # the day after the second visit should have been agreed: two visits due
    monkeypatch.setattr(selectors, "_today", lambda: plan.agree_by(2) + datetime.timedelta(days=1))
    day = edition.period_start
    for number in (1, 2):
        VisitFactory(engagement=on_time, number=number, state=Visit.State.AGREED, starts_on=day)
    VisitFactory(engagement=late, number=1, state=Visit.State.AGREED, starts_on=day)
    VisitFactory(engagement=late, number=2, state=Visit.State.DATES_PROPOSED)
    listed = selectors.edition_visit_rows(edition, overdue_only=True)
    assert {row["engagement"] for row in listed} == {engagement, late}
    assert selectors.overdue_visit_count(edition) == len(listed) == 2
    monkeypatch.setattr(selectors, "_today", lambda: edition.period_start)
    assert selectors.overdue_visit_count(edition) == len(selectors.edition_visit_rows(edition, overdue_only=True)) == 0
