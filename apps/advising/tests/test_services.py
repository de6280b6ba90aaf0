import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.advising import services
from apps.advising.factories import advised_engagement
from apps.advising.holidays import polish_public_holidays
from apps.advising.models import DateOption, TimeEntry, TimeSheet, Visit
from apps.editions.models import PlannedEvent

from .conftest import span, workday

pytestmark = pytest.mark.django_db


def test_polish_public_holidays():
    days = polish_public_holidays(2024)
    assert datetime.date(2024, 3, 31) in days  # Easter
    assert datetime.date(2024, 5, 30) in days  # Corpus Christi
    assert datetime.date(2024, 12, 24) not in days
    assert datetime.date(2025, 12, 24) in polish_public_holidays(2025)
    assert len(polish_public_holidays(2025)) == 14


def _propose(engagement, advisor, *offsets, number=1):
    return services.propose_dates(engagement=engagement, number=number, options=[span(o) for o in offsets], by=advisor)


def test_propose_accept_sends_ics_to_everyone(engagement, advisors, leader, mailoutbox):
    visit, warnings = _propose(engagement, advisors[0], 2, 3)
    assert visit.state == Visit.State.DATES_PROPOSED
    assert len(mailoutbox) == 1
    assert set(mailoutbox[0].to) == {advisors[0].email, advisors[1].email, leader.email}
    option = visit.options.order_by("starts_on").first()
    visit = services.accept_option(option=option, by=leader)
    assert visit.state == Visit.State.AGREED and visit.starts_on == span(2)[0]
    invitation = mailoutbox[-1]
    name, content, mimetype = invitation.attachments[0]
    assert mimetype.startswith("text/calendar; method=REQUEST")
    assert "METHOD:REQUEST" in content and "SEQUENCE:0" in content
    assert engagement.local_government.display_name in content.replace("\r\n ", "")
    assert visit.options.filter(withdrawn_at__isnull=True, accepted_at__isnull=True).count() == 0


def test_advisors_propose_at_least_two(engagement, advisors):
    with pytest.raises(ValidationError) as error:
        _propose(engagement, advisors[0], 2)
    assert "co najmniej dwa" in str(error.value.message_dict["option_1_start"])


def test_team_counter_proposes_and_advisor_accepts(engagement, advisors, leader):
    _propose(engagement, advisors[0], 2, 3)
    visit, _ = _propose(engagement, leader, 4)
    jst_option = visit.options.get(side=DateOption.Side.JST)
    with pytest.raises(ValidationError):
        services.accept_option(option=jst_option, by=leader)
    visit = services.accept_option(option=jst_option, by=advisors[1])
    assert visit.starts_on == span(4)[0]


def test_outside_edition_refused(engagement, advisors):
    far = engagement.edition.period_end + datetime.timedelta(days=10)
    with pytest.raises(ValidationError) as error:
        services.propose_dates(engagement=engagement, number=1, options=[span(2), (far, far)], by=advisors[0])
    assert "poza okresem realizacji edycji" in error.value.message_dict["option_2_start"][0]


def test_overlap_with_advisors_other_visit_refused(engagement, advisors, leader):
    other = advised_engagement(advisors=[advisors[0]])
    other.edition = engagement.edition
    visit, _ = _propose(other, advisors[0], 2, 3)
    services.accept_option(option=visit.options.order_by("starts_on").first(), by=other.team_members.first().user)
    with pytest.raises(ValidationError) as error:
        _propose(engagement, advisors[1], 2, 5)
    assert "inne spotkanie" in error.value.message_dict["option_1_start"][0]


def test_edition_event_day_refused(engagement, advisors):
    start, end = span(3)
    PlannedEvent.objects.create(
        edition=engagement.edition,
        kind=PlannedEvent.Kind.values[0],
        title="Szkolenie warsztatowe",
        starts_on=end,
        ends_on=end,
    )
    with pytest.raises(ValidationError) as error:
        _propose(engagement, advisors[0], 2, 3)
    assert "Szkolenie warsztatowe" in error.value.message_dict["option_2_start"][0]


def test_public_holiday_warns(engagement, advisors):
    holiday = next(
        day
        for day in sorted({**polish_public_holidays(workday(0).year), **polish_public_holidays(workday(0).year + 1)})
        if engagement.edition.period_start <= day <= engagement.edition.period_end and day.weekday() < 5
    )
    visit, warnings = services.propose_dates(
        engagement=engagement, number=1, options=[span(2), (holiday, holiday)], by=advisors[0]
    )
    assert warnings and "ustawowo wolny" in warnings[0]


def test_withdrawn_meanwhile_is_refused_sequentially(engagement, advisors, leader):
    visit, _ = _propose(engagement, advisors[0], 2, 3)
    stale = visit.options.order_by("starts_on").first()
    services.withdraw_option(option=DateOption.objects.get(pk=stale.pk), by=advisors[0])
    with pytest.raises(ValidationError) as error:
        services.accept_option(option=stale, by=leader)
    assert "wycofana" in error.value.messages[0]


def test_accepted_meanwhile_cannot_be_withdrawn(engagement, advisors, leader):
    visit, _ = _propose(engagement, advisors[0], 2, 3)
    stale = visit.options.order_by("starts_on").first()
    services.accept_option(option=DateOption.objects.get(pk=stale.pk), by=leader)
    with pytest.raises(ValidationError) as error:
        services.withdraw_option(option=stale, by=advisors[0])
    assert "przyjęty" in error.value.messages[0]


def _agreed(engagement, advisors, leader, offset=2, number=1):
    visit, _ = _propose(engagement, advisors[0], offset, offset + 1, number=number)
    return services.accept_option(option=visit.options.order_by("starts_on").first(), by=leader)


def test_reschedule_needs_reason_and_bumps_sequence(engagement, advisors, leader, mailoutbox):
    visit = _agreed(engagement, advisors, leader)
    with pytest.raises(ValidationError) as error:
        services.reschedule_visit(visit=visit, starts_on=span(5)[0], ends_on=span(5)[1], reason=" ", by=advisors[0])
    assert "reason" in error.value.message_dict
    visit, _ = services.reschedule_visit(
        visit=visit, starts_on=span(5)[0], ends_on=span(5)[1], reason="Sesja rady", by=advisors[0]
    )
    assert visit.sequence == 1 and visit.changes.count() == 1
    assert "SEQUENCE:1" in mailoutbox[-1].attachments[0][1]


def _held(engagement, advisors, leader):
    visit = _agreed(engagement, advisors, leader, offset=-4)
    return visit


def test_record_written_confirmed_and_corrected(engagement, advisors, leader):
    visit = _held(engagement, advisors, leader)
    record, warnings = services.write_record(
        visit=visit,
        by=advisors[0],
        support_kind="meeting",
        topics="Diagnoza",
        tasks=[{"what": "Zebrać dane SIO", "who": "Zespół"}, {"what": "Ankieta dla dyrektorów", "who": "Anna"}],
        hours={advisors[0].pk: Decimal("12"), advisors[1].pk: Decimal("10")},
    )
    assert engagement.agreed_tasks.count() == 2
    assert TimeEntry.objects.filter(record=record).count() == 4
    assert sum(e.hours for e in TimeEntry.objects.filter(advisor=advisors[0])) == 12
    with pytest.raises(ValidationError):
        services.confirm_record(visit_record=record, by=advisors[0])
    services.confirm_record(visit_record=record, by=advisors[1])
    assert Visit.objects.get(pk=visit.pk).state == Visit.State.CONFIRMED
    with pytest.raises(ValidationError) as error:
        services.write_record(visit=visit, by=advisors[0], support_kind="meeting", topics="Zmiana")
    assert "correction_reason" in error.value.message_dict
    second, _ = services.write_record(
        visit=visit,
        by=advisors[0],
        support_kind="meeting",
        topics="Zmiana",
        correction_reason="Literówka",
        hours={advisors[0].pk: Decimal("12")},
    )
    assert second.number == 2 and visit.records.count() == 2
    assert visit.records.get(number=1).topics == "Diagnoza"
    assert TimeEntry.objects.filter(advisor=advisors[1]).count() == 0


def test_hours_refused_zero_and_over_a_day(engagement, advisors, leader):
    visit = _held(engagement, advisors, leader)
    with pytest.raises(ValidationError) as error:
        services.write_record(
            visit=visit, by=advisors[0], support_kind="meeting", topics="x", hours={advisors[0].pk: Decimal("0")}
        )
    assert f"hours_{advisors[0].pk}" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.write_record(
            visit=visit, by=advisors[0], support_kind="meeting", topics="x", hours={advisors[0].pk: Decimal("50")}
        )
    assert "24 godziny" in error.value.message_dict[f"hours_{advisors[0].pk}"][0]
    _, warnings = services.add_time_entry(
        engagement=engagement, advisor=advisors[0], on=workday(-1), hours=Decimal("11"), kind="travel", by=advisors[0]
    )
    assert any("więcej niż 10" in w for w in warnings)


def test_session_logged_with_hours(engagement, advisors):
    session, _ = services.log_session(
        engagement=engagement,
        by=advisors[0],
        held_on=workday(-1),
        duration_minutes=90,
        channel="video",
        participants="Anna",
        topics="HDR",
        outcome="",
        hours={advisors[0].pk: Decimal("1.5")},
        tasks=[{"what": "Przesłać wzór", "who": "Doradca"}],
    )
    assert session.hours.get().hours == Decimal("1.5")
    assert session.tasks.count() == 1
    with pytest.raises(ValidationError) as error:
        services.log_session(
            engagement=engagement,
            by=advisors[0],
            held_on=workday(-1),
            duration_minutes=0,
            channel="video",
            participants="",
            topics="HDR",
            outcome="",
        )
    assert "duration_minutes" in error.value.message_dict


def test_time_sheet_submit_approve_locks(engagement, advisors):
    day = workday(-1)
    services.add_time_entry(
        engagement=engagement, advisor=advisors[0], on=day, hours=Decimal("3"), kind="preparation", by=advisors[0]
    )
    organiser = engagement.edition.organiser
    staff = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF).user
    sheet = services.submit_sheet(advisor=advisors[0], organiser=organiser, month=day, by=advisors[0])
    assert sheet.state == TimeSheet.State.SUBMITTED
    sheet = services.return_sheet(sheet=sheet, comment="Brak dojazdu", by=staff)
    assert sheet.state == TimeSheet.State.RETURNED
    sheet = services.submit_sheet(advisor=advisors[0], organiser=organiser, month=day, by=advisors[0])
    sheet = services.approve_sheet(sheet=sheet, by=staff)
    with pytest.raises(ValidationError) as error:
        services.add_time_entry(
            engagement=engagement, advisor=advisors[0], on=day, hours=Decimal("1"), kind="travel", by=advisors[0]
        )
    assert "zatwierdzona" in error.value.message_dict["hours"][0]
    with pytest.raises(ValidationError):
        services.return_sheet(sheet=sheet, comment="x", by=staff)
    assert UserFactory  # imported for other tests


def test_a_correction_keeps_hours_of_an_approved_sheet_and_refuses_changing_them(engagement, advisors, leader):
    visit = _held(engagement, advisors, leader)
    hours = {advisors[0].pk: Decimal("12"), advisors[1].pk: Decimal("8")}
    record, _ = services.write_record(visit=visit, by=advisors[0], support_kind="meeting", topics="x", hours=hours)
    services.confirm_record(visit_record=record, by=advisors[1])
    organiser = engagement.edition.organiser
    staff = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF).user
    for month in sorted({e.on.replace(day=1) for e in TimeEntry.objects.filter(advisor=advisors[1])}):
        sheet = services.submit_sheet(advisor=advisors[1], organiser=organiser, month=month, by=advisors[1])
        services.approve_sheet(sheet=sheet, by=staff)
    with pytest.raises(ValidationError) as error:
        services.write_record(
            visit=visit,
            by=advisors[0],
            support_kind="meeting",
            topics="y",
            correction_reason="x",
            hours={advisors[0].pk: Decimal("12")},
        )
    assert "zatwierdzonej karcie" in error.value.message_dict[f"hours_{advisors[1].pk}"][0]
    second, _ = services.write_record(
        visit=visit, by=advisors[0], support_kind="meeting", topics="y", correction_reason="x", hours=hours
    )
    assert sum(e.hours for e in TimeEntry.objects.filter(advisor=advisors[1], record=second)) == 8
