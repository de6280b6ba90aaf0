"""Scale data for the events pages in ``make bench``: one two-day training per scale edition with a registration for
each of the first 1,000 team members of the large edition (100 of the small one), rooms for two, an agenda in the
four workshop groups and check-ins on both days. Written in bulk, like the rest of ``apps/demo/scale.py``."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from apps.editions.models import PROGRAMME_TZ, Edition, PlannedEvent
from apps.engagements.models import TeamMember
from apps.events.models import CheckIn, Event, Registration, Room, RoomChoice, Session, Venue
from apps.territory.kinds import WorkshopGroup

BATCH = 2000
REGISTRATIONS = {"large": 1000, "small": 100}
DIETS = ["standard", "standard", "vegetarian", "vegan", "gluten_free", "other"]


def _event(edition: Edition) -> Event:
    starts = edition.period_start + timedelta(days=30)
    planned = PlannedEvent.objects.create(
        edition=edition,
        kind=PlannedEvent.Kind.WORKSHOP_TRAINING,
        title="Szkolenie warsztatowe (skala)",
        starts_on=starts,
        ends_on=starts + timedelta(days=1),
        place="Hotel (skala)",
    )
    venue = Venue.objects.create(organiser=edition.organiser, name="Hotel (skala)", address="ul. Testowa 1, Warszawa")
    return Event.objects.create(
        planned_event=planned,
        venue=venue,
        capacity=5000,
        registration_deadline=starts - timedelta(days=7),
        privacy_notice="Klauzula informacyjna (skala).",
        programme_sent_at=datetime.combine(starts - timedelta(days=7), time(7, 0), tzinfo=PROGRAMME_TZ),
    )


def _agenda(event: Event) -> None:
    rows = []
    for day in event.days:
        rows.append(Session(event=event, day=day, starts_at=time(9, 0), title="Sesja plenarna (skala)", room="Sala A"))
        for i, group in enumerate(WorkshopGroup.values):
            for start in (time(11, 0), time(13, 30)):
                rows.append(
                    Session(
                        event=event,
                        day=day,
                        starts_at=start,
                        workshop_group=group,
                        title="Warsztat (skala)",
                        room=f"Sala {i + 1}",
                    )
                )
    Session.objects.bulk_create(rows)


def _registrations(event: Event, count: int) -> list[Registration]:
    members = list(
        TeamMember.objects.filter(engagement__edition=event.planned_event.edition)
        .select_related("engagement", "user")
        .order_by("engagement_id", "pk")[:count]
    )
    days = [d.isoformat() for d in event.days]
    nights = [n.isoformat() for n in event.nights[1:]]
    meals = [f"{d}:{m}" for d in days for m in ("lunch", "dinner")] + [f"{days[-1]}:breakfast"]
    now = timezone.now()
    rows = [
        registration_of(
            m,
            event,
            at=now,
            days=days,
            nights=nights,
            meals=meals,
            diet=DIETS[i % len(DIETS)],
            diet_note="bez laktozy (skala)" if DIETS[i % len(DIETS)] == "other" else "",
            parking=i % 3 == 0,
            programme_sent_at=event.programme_sent_at,
        )
        for i, m in enumerate(members)
    ]
    return Registration.objects.bulk_create(rows, batch_size=BATCH)


def registration_of(member: TeamMember, event: Event, *, at, **fields) -> Registration:
    """An unsaved registration of a team member for ``bulk_create`` (the scale data, the load-test event): who they
    are and the clause acknowledged at ``at``; ``fields`` the rest."""
    return Registration(
        event=event,
        user=member.user,
        team_member=member,
        engagement=member.engagement,
        full_name=member.full_name,
        email=member.email,
        workshop_group=member.engagement.workshop_group,
        room_choice=RoomChoice.PAIR_ME,
        privacy_acknowledged_at=at,
        **fields,
    )


def build(editions: dict[str, Edition], *, log=lambda text: None) -> None:
    for key, edition in editions.items():
        event = _event(edition)
        _agenda(event)
        registrations = _registrations(event, REGISTRATIONS[key])
        rooms = [
            Room(event=event, first=a, second=b, source=Room.Source.PROPOSED)
            for a, b in zip(registrations[0::2], registrations[1::2], strict=False)
        ]
        Room.objects.bulk_create(rooms, batch_size=BATCH)
        CheckIn.objects.bulk_create(
            [CheckIn(registration=r, day=day) for r in registrations for day in event.days], batch_size=BATCH
        )
        log(f"wydarzenie {edition.slug}: {len(registrations)} zgłoszeń, {len(rooms)} pokoi")
