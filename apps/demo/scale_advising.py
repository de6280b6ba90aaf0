"""Advisory work at national scale for ``make bench``: three visits per engagement in every state, twenty remote
sessions each with the advisors' hours, and the visit records' hours. Written with ``bulk_create`` like the rest of
``apps.demo.scale``."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from apps.advising.models import RemoteSession, TimeEntry, Visit, VisitRecord
from apps.engagements.models import AdvisorAssignment

BATCH = 2000
SESSIONS = 20
STATES = [
    Visit.State.CONFIRMED,
    Visit.State.RECORDED,
    Visit.State.AGREED,
    Visit.State.DATES_PROPOSED,
    Visit.State.PLANNED,
]


def add(edition, engagements) -> None:
    advisors_by_engagement: dict[int, list[int]] = {}
    for engagement_id, user_id in AdvisorAssignment.objects.filter(engagement__edition=edition).values_list(
        "engagement_id", "user_id"
    ):
        advisors_by_engagement.setdefault(engagement_id, []).append(user_id)
    start = edition.period_start
    today = timezone.localdate()
    visits = []
    for i, engagement in enumerate(engagements):
        for number in (1, 2, 3):
            state = STATES[(i + number) % len(STATES)] if number > 1 else Visit.State.CONFIRMED
            day = start + timedelta(days=20 + 120 * (number - 1) + (i % 60))
            agreed = state in (Visit.State.AGREED, Visit.State.RECORDED, Visit.State.CONFIRMED)
            visits.append(
                Visit(
                    engagement=engagement,
                    number=number,
                    state=state,
                    starts_on=day if agreed else None,
                    ends_on=day + timedelta(days=1) if agreed else None,
                )
            )
    visits = Visit.objects.bulk_create(visits, batch_size=BATCH)
    held = [v for v in visits if v.state in (Visit.State.RECORDED, Visit.State.CONFIRMED)]
    now = timezone.now()
    records = VisitRecord.objects.bulk_create(
        [
            VisitRecord(
                visit=v,
                support_kind="meeting",
                topics="Praca nad HDR (skala)",
                confirmed_at=now if v.state == Visit.State.CONFIRMED else None,
            )
            for v in held
        ],
        batch_size=BATCH,
    )
    entries = []
    for record, visit in zip(records, held, strict=True):
        for advisor_id in advisors_by_engagement.get(visit.engagement_id, []):
            for offset in (0, 1):
                entries.append(
                    TimeEntry(
                        advisor_id=advisor_id,
                        engagement_id=visit.engagement_id,
                        on=visit.starts_on + timedelta(days=offset),
                        hours=Decimal("6"),
                        kind=TimeEntry.Kind.VISIT,
                        record=record,
                    )
                )
    sessions = []
    for i, engagement in enumerate(engagements):
        for n in range(SESSIONS):
            day = min(today, start + timedelta(days=7 * n + i % 7))
            sessions.append(
                RemoteSession(
                    engagement=engagement,
                    held_on=day,
                    duration_minutes=60,
                    channel=RemoteSession.Channel.VIDEO if n % 2 else RemoteSession.Channel.PHONE,
                    topics=f"Konsultacja {n + 1} (skala)",
                )
            )
    sessions = RemoteSession.objects.bulk_create(sessions, batch_size=BATCH)
    for session in sessions:
        advisors = advisors_by_engagement.get(session.engagement_id, [])
        if advisors:
            entries.append(
                TimeEntry(
                    advisor_id=advisors[session.pk % len(advisors)],
                    engagement_id=session.engagement_id,
                    on=session.held_on,
                    hours=Decimal("1"),
                    kind=TimeEntry.Kind.SESSION,
                    session=session,
                )
            )
    TimeEntry.objects.bulk_create(entries, batch_size=BATCH)
