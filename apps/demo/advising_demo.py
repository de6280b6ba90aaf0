"""Advisory work in the demo: the 2022/2023 edition's JSTs get three visits each in every state (planned, dates
proposed, agreed, held with a record waiting for confirmation, confirmed), remote sessions with the advisors'
hours, agreed tasks, and monthly time sheets of the demo advisors (approved, submitted, returned). Written straight
to the models (the dates are in the past, which the services would not all accept) and only once: a second run
changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from apps.accounts.models import Membership
from apps.advising.models import (
    AgreedTask,
    DateOption,
    RemoteSession,
    TimeEntry,
    TimeSheet,
    Visit,
    VisitRecord,
)
from apps.editions.models import Edition

STATES = [
    Visit.State.CONFIRMED,
    Visit.State.RECORDED,
    Visit.State.AGREED,
    Visit.State.DATES_PROPOSED,
    Visit.State.PLANNED,
]


def _edition() -> Edition | None:
    return Edition.objects.filter(period_start=date(2022, 9, 1)).order_by("pk").first()


def seed() -> str:
    edition = _edition()
    if edition is None:
        return "doradztwo: brak edycji 2022/2023"
    if Visit.objects.filter(engagement__edition=edition).exists():
        return "doradztwo: bez zmian"
    engagements = list(
        edition.engagements.filter(withdrawn_at__isnull=True)
        .prefetch_related("advisor_assignments__user", "team_members")
        .order_by("pk")
    )
    now = timezone.now()
    visits = sessions = 0
    for i, engagement in enumerate(engagements):
        advisors = [a.user for a in engagement.advisor_assignments.all()]
        leader = next((m for m in engagement.team_members.all() if m.is_leader), None)
        for number in (1, 2, 3):
            # Visit 1 is always held and confirmed; later ones take the states in turn, so every state shows.
            state = Visit.State.CONFIRMED if number == 1 else STATES[(i + number) % len(STATES)]
            start = date(2022, 9, 13) + timedelta(weeks=10 * (number - 1) + i % 6, days=(i % 3))
            while start.weekday() > 3:
                start += timedelta(days=1)
            end = start + timedelta(days=1)
            agreed = state in (Visit.State.AGREED, Visit.State.RECORDED, Visit.State.CONFIRMED)
            visit = Visit.objects.create(
                engagement=engagement,
                number=number,
                state=state,
                starts_on=start if agreed else None,
                ends_on=end if agreed else None,
                agreed_at=now if agreed else None,
            )
            visits += 1
            if state != Visit.State.PLANNED and advisors:
                for offset in (0, 7):
                    DateOption.objects.create(
                        visit=visit,
                        starts_on=start + timedelta(days=offset),
                        ends_on=end + timedelta(days=offset),
                        side=DateOption.Side.ADVISORS,
                        proposed_by=advisors[0],
                        proposed_by_label=advisors[0].full_name,
                        accepted_at=now if agreed and offset == 0 else None,
                        withdrawn_at=now if agreed and offset else None,
                    )
            if state in (Visit.State.RECORDED, Visit.State.CONFIRMED) and advisors:
                record = VisitRecord.objects.create(
                    visit=visit,
                    support_kind="meeting" if number == 1 else "consultation",
                    topics="Omówienie diagnozy potrzeb i priorytetów rozwojowych (demo)",
                    findings="Zespół uzupełni dane o szkołach przed kolejnym spotkaniem (demo).",
                    cycle_stage=engagement.stage,
                    written_by=advisors[0],
                    written_by_label=advisors[0].full_name,
                    confirmed_at=now if state == Visit.State.CONFIRMED else None,
                    confirmed_by=advisors[-1] if state == Visit.State.CONFIRMED else None,
                )
                if leader is not None:
                    record.participants.add(leader)
                AgreedTask.objects.create(
                    engagement=engagement,
                    record=record,
                    what="Zebrać dane SIO o szkołach (demo)",
                    who=leader.full_name if leader else "Zespół JST",
                    due_on=end + timedelta(days=21),
                    done_at=now if number == 1 and i % 2 else None,
                )
                AgreedTask.objects.create(
                    engagement=engagement,
                    record=record,
                    what="Przygotować ankietę dla dyrektorów (demo)",
                    who="Zespół JST",
                    due_on=end + timedelta(days=30),
                )
                TimeEntry.objects.bulk_create(
                    TimeEntry(advisor=a, engagement=engagement, on=day, hours=Decimal("6"), kind="visit", record=record)
                    for a in advisors
                    for day in (start, end)
                )
        for n in range(3):
            held_on = date(2022, 10, 4) + timedelta(weeks=6 * n, days=i % 5)
            session = RemoteSession.objects.create(
                engagement=engagement,
                held_on=held_on,
                duration_minutes=60 + 30 * (n % 2),
                channel=[RemoteSession.Channel.VIDEO, RemoteSession.Channel.PHONE, RemoteSession.Channel.EMAIL][n],
                participants=leader.full_name if leader else "",
                topics="Konsultacja zapisów HDR (demo)",
                outcome="Uzgodniono poprawki wskaźników (demo).",
                logged_by=advisors[0] if advisors else None,
                logged_by_label=advisors[0].full_name if advisors else "",
            )
            sessions += 1
            if advisors:
                TimeEntry.objects.create(
                    advisor=advisors[n % len(advisors)],
                    engagement=engagement,
                    on=held_on,
                    hours=Decimal("1.5"),
                    kind="session",
                    session=session,
                )
    _sheets(edition)
    return f"doradztwo: spotkania {visits}, sesje zdalne {sessions}"


def _sheets(edition: Edition) -> None:
    """September approved, October submitted, November returned for every advisor with hours in the edition."""
    staff = Membership.objects.filter(organisation_id=edition.organiser_id, role=Membership.Role.STAFF).first()
    advisor_ids = set(TimeEntry.objects.filter(engagement__edition=edition).values_list("advisor_id", flat=True))
    now = timezone.now()
    for advisor_id in sorted(advisor_ids):
        for month, state, comment in (
            (date(2022, 9, 1), TimeSheet.State.APPROVED, ""),
            (date(2022, 10, 1), TimeSheet.State.SUBMITTED, ""),
            (date(2022, 11, 1), TimeSheet.State.RETURNED, "Proszę dopisać czas dojazdu (demo)."),
        ):
            TimeSheet.objects.get_or_create(
                advisor_id=advisor_id,
                organiser_id=edition.organiser_id,
                month=month,
                defaults={
                    "state": state,
                    "comment": comment,
                    "submitted_at": now,
                    "decided_at": now if state != TimeSheet.State.SUBMITTED else None,
                    "decided_by": staff.user if staff and state != TimeSheet.State.SUBMITTED else None,
                },
            )
