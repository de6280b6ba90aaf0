"""The demo's events: each planned event of the 2019 pilot and of the 2022/2023 edition grown into an event with a
venue, an agenda in the four workshop groups, the teams' registrations (rooms for two, meals, parking), for the
past events attendance; the first event of each also has certificates' threshold set.

The pilot's venue, dates and directions are the ones in Komunikat nr 1 (Hotel Holiday Park, ul. Heroldów 1B,
01-991 Warszawa; metro to Młociny, bus 114 to Muzealna, free parking); agendas, registrations and attendance are
invented. Events and venues go through the services; the many registrations and check-ins are written in bulk
(the services would e-mail invented people and take minutes). Idempotent: an event already set up is left alone.

The 2022/2023 edition's dates are invented (``editions.DEMO_DATE_NOTE``) and the demo team (``zespol@``,
``zespol2@``) works in it as in the current edition, so its last two events (the second training and the closing
meeting) are dated from the seed day: every seed leaves them with registration open for the demo team (not
registered, so they can register), moving them forward again when a later seed finds their deadline passed (with
their agenda and the invented registrations; nothing is moved once someone was checked in). They then lie after
the edition's period, which the edition's facts keep as the call states it.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from apps.accounts.models import Membership, Organisation, User
from apps.editions.models import PROGRAMME_TZ, Edition, PlannedEvent
from apps.engagements.models import TeamMember
from apps.events import services
from apps.events.models import CheckIn, Event, Registration, RoomChoice, Session, Topic, TopicRating, Venue
from apps.territory.kinds import WorkshopGroup

from . import editions

HOLIDAY_PARK = {
    "name": "Hotel Holiday Park",
    "address": "ul. Heroldów 1B, 01-991 Warszawa",
    "phone": "+48 511 49 49 49",
    "email": "recepcja@hphotel.pl",
    "directions_by_car": "Bezpłatny parking hotelowy dla uczestników.",
    "directions_by_public_transport": (
        "Metrem ze stacji Centrum do ostatniej stacji Młociny, a następnie autobusem 114 z pobliskiej pętli "
        "autobusowej do przystanku Muzealna."
    ),
    "parking": "Uczestnicy mogą bezpłatnie zaparkować na hotelowym parkingu.",
}
DEMO_HOTEL_2022 = {
    "name": "Hotel konferencyjny (demo)",
    "address": "Warszawa (demo)",
    "directions_by_public_transport": "Dane przykładowe (demo).",
    "parking": "Parking hotelowy (demo).",
}
PRIVACY = (
    "Administratorem danych osobowych uczestników jest Ośrodek Rozwoju Edukacji. Dane przetwarzamy w celu "
    "organizacji wydarzenia (rejestracja, zakwaterowanie, wyżywienie, lista obecności, zaświadczenia) i rozliczenia "
    "projektu współfinansowanego z Europejskiego Funduszu Społecznego. Masz prawo dostępu do danych, ich "
    "sprostowania, usunięcia lub ograniczenia przetwarzania."
)
GROUPS = [WorkshopGroup.RURAL_GMINY, WorkshopGroup.URBAN_GMINY, WorkshopGroup.POWIATY, WorkshopGroup.URBAN_RURAL_GMINY]
ROOMS = {group: f"Sala {i}" for i, group in enumerate(GROUPS, start=1)}

# (day index, start, minutes, kind, group or "" for plenary, title, method, family); "*" = one in each group.
AGENDA = [
    (0, time(10, 0), 90, "session", "", "Otwarcie i cele spotkania", "lecture", "education_tasks"),
    (0, time(11, 30), 15, "break", "", "Przerwa kawowa", "", ""),
    (0, time(11, 45), 90, "session", "*", "Zadania oświatowe JST: diagnoza potrzeb", "workshop", "education_tasks"),
    (0, time(13, 15), 60, "meal", "", "Obiad", "", ""),
    (0, time(14, 15), 90, "session", "*", "Praca zespołowa i dzielenie się wiedzą", "group_coaching", "soft_skills"),
    (0, time(15, 45), 15, "break", "", "Przerwa kawowa", "", ""),
    (0, time(16, 0), 90, "session", "", "Dyskusja i wymiana doświadczeń", "discussion", "soft_skills"),
    (1, time(9, 0), 90, "session", "*", "Narzędzia i rozwiązania zarządcze", "mini_presentation", "education_tasks"),
    (1, time(10, 30), 15, "break", "", "Przerwa kawowa", "", ""),
    (1, time(10, 45), 90, "session", "*", "Planowanie działań rozwojowych (HDR)", "workshop", "education_tasks"),
    (1, time(12, 15), 60, "session", "", "Podsumowanie i dalsze kroki", "discussion", "education_tasks"),
    (1, time(13, 15), 60, "meal", "", "Obiad", "", ""),
]


# Days from the seed day on which the 2022/2023 edition's last two events start (each lasts two days); the
# deadline is a week before each, so both are open for registration on the seed day.
UPCOMING_2022 = (12, 40)
DEMO_TEAM = ("zespol@demo.example", "zespol2@demo.example")


@dataclass
class Outcome:
    events: int = 0
    registrations: int = 0


def _venue(organiser: Organisation, values: dict, by) -> Venue:
    venue = Venue.objects.filter(organiser=organiser, name=values["name"]).first()
    return venue or services.save_venue(organiser=organiser, by=by, **values)


def _trainers(edition: Edition) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organisation_id=edition.organiser_id,
            memberships__role__in=[Membership.Role.TRAINER, Membership.Role.ADVISOR],
        )
        .distinct()
        .order_by("email")[:4]
    )


def _agenda(event: Event, trainers: list[User]) -> None:
    rows = []
    assignments = []
    for day_index, start, minutes, kind, group, title, method, family in AGENDA:
        if day_index >= len(event.days):
            continue
        for g_index, target in enumerate(GROUPS if group == "*" else [group]):
            session = Session(
                event=event,
                kind=kind,
                day=event.days[day_index],
                starts_at=start,
                duration_minutes=minutes,
                workshop_group=target,
                title=title,
                method=method,
                topic_family=family,
                room=ROOMS.get(target, "Sala konferencyjna") if kind == "session" else "",
            )
            rows.append(session)
            if kind == "session" and trainers:
                assignments.append((session, trainers[g_index % len(trainers)] if group == "*" else trainers[0]))
    Session.objects.bulk_create(rows)
    through = Session.trainers.through
    through.objects.bulk_create(
        [through(session_id=session.pk, user_id=trainer.pk) for session, trainer in assignments]
    )


def _register_teams(event: Event, *, attended: bool, missing_engagement: int | None, leave_out=()) -> int:
    """Every active team member with an account registers: all days, the night before the second day, a room for
    two with a colleague of the same JST (mutual) or paired by the organiser, lunch and dinner, some with parking
    or another diet. For a past event, everybody present both days except one JST's team (to show the flag)."""
    members = list(
        TeamMember.objects.filter(
            engagement__edition_id=event.planned_event.edition_id,
            engagement__withdrawn_at__isnull=True,
            left_at__isnull=True,
            user__isnull=False,
        )
        .exclude(user__email__in=leave_out)
        .select_related("engagement", "user")
        .order_by("engagement_id", "pk")
    )
    days = [d.isoformat() for d in event.days]
    nights = [n.isoformat() for n in event.nights[1:]]
    meals = [f"{d}:{meal}" for d in days for meal in ("lunch", "dinner")]
    sent = datetime.combine(event.starts_on - timedelta(days=7), time(7, 0), tzinfo=PROGRAMME_TZ)
    rows = []
    for index, member in enumerate(members):
        rows.append(
            Registration(
                event=event,
                user=member.user,
                team_member=member,
                engagement=member.engagement,
                full_name=member.full_name,
                email=member.user.email,
                workshop_group=member.engagement.workshop_group,
                days=days,
                nights=nights,
                room_choice=RoomChoice.PAIR_ME,
                meals=meals,
                diet=["standard", "standard", "vegetarian", "standard", "gluten_free"][index % 5],
                parking=index % 3 == 0,
                privacy_acknowledged_at=sent - timedelta(days=14),
                programme_sent_at=sent if attended or event.programme_sent_at else None,
            )
        )
    Registration.objects.bulk_create(rows)
    # Colleagues of one JST name each other (the first two of each team); the rest let the organiser pair them.
    saved = list(event.registrations.order_by("engagement_id", "pk"))
    by_engagement: dict[int, list[Registration]] = {}
    for registration in saved:
        by_engagement.setdefault(registration.engagement_id, []).append(registration)
    for team in by_engagement.values():
        if len(team) >= 2:
            first, second = team[0], team[1]
            first.room_choice = second.room_choice = RoomChoice.NAMED
            first.roommate, second.roommate = second, first
    Registration.objects.bulk_update(saved, ["room_choice", "roommate"])
    if attended:
        check_ins = [
            CheckIn(registration=r, day=day)
            for r in saved
            if r.engagement_id != missing_engagement
            for day in event.days
        ]
        CheckIn.objects.bulk_create(check_ins)
    return len(saved)


CANDIDATE_TOPICS = [
    ("education_tasks", "Planowanie budżetu oświaty w JST"),
    ("education_tasks", "Monitorowanie jakości usług edukacyjnych"),
    ("soft_skills", "Współpraca w zespole JST i z dyrektorami szkół"),
    ("soft_skills", "Dzielenie się doświadczeniem i wiedzą"),
]


def _needs(event: Event) -> None:
    """Candidate topics rated by the registered team members before the training (invented ratings)."""
    topics = Topic.objects.bulk_create([Topic(event=event, family=f, title=t) for f, t in CANDIDATE_TOPICS])
    ratings = [
        TopicRating(
            topic=topic,
            user_id=registration.user_id,
            workshop_group=registration.workshop_group,
            score=1 + (registration.pk + index * 3) % 5,
        )
        for registration in event.registrations.all()
        for index, topic in enumerate(topics)
    ]
    TopicRating.objects.bulk_create(ratings)


def _set_up(planned: PlannedEvent, venue: Venue, by, *, past: bool, missing_engagement: int | None) -> int:
    event = services.set_up_event(
        planned_event=planned,
        by=by,
        venue=venue,
        capacity=110,
        registration_deadline=planned.starts_on - timedelta(days=7),
        registration_open=True,
        invite_team_members=True,
        privacy_notice=PRIVACY,
        certificate_min_days=0,
        offer_hours=48,
        description=planned.notes,
    )
    if past:
        Event.objects.filter(pk=event.pk).update(
            programme_sent_at=datetime.combine(planned.starts_on - timedelta(days=7), time(7, 0), tzinfo=PROGRAMME_TZ)
        )
        event.refresh_from_db()
    _agenda(event, _trainers(planned.edition))
    # The demo team registers itself for an event still open (the point of the demo); the others are registered.
    leave_out = () if past else DEMO_TEAM
    count = _register_teams(event, attended=past, missing_engagement=missing_engagement, leave_out=leave_out)
    if planned.kind == PlannedEvent.Kind.WORKSHOP_TRAINING:
        _needs(event)
    services.pair_rooms(event=event, by=by)
    return count


def _shift(values: list[str], delta: timedelta) -> list[str]:
    """ISO dates (or ``day:meal`` keys) moved by ``delta``."""
    moved = []
    for value in values:
        day, _sep, rest = value.partition(":")
        shifted = (date.fromisoformat(day) + delta).isoformat()
        moved.append(f"{shifted}:{rest}" if rest else shifted)
    return moved


def _bring_forward(edition: Edition, today) -> None:
    """The edition's last two events dated from ``today`` (see the module's note) when their registration is no
    longer open; an event already set up moves with its agenda and registrations, unless someone was checked in."""
    planned_events = list(edition.planned_events.order_by("starts_on", "pk"))[-len(UPCOMING_2022) :]
    for planned, days_ahead in zip(planned_events, UPCOMING_2022, strict=True):
        event = Event.objects.filter(planned_event=planned).first()
        deadline = event.registration_deadline if event else planned.starts_on - timedelta(days=7)
        if deadline >= today and planned.starts_on > today:
            continue  # still open
        if event is not None and CheckIn.objects.filter(registration__event=event).exists():
            continue  # it took place in this demo: history stays
        delta = today + timedelta(days=days_ahead) - planned.starts_on
        PlannedEvent.objects.filter(pk=planned.pk).update(
            starts_on=planned.starts_on + delta, ends_on=planned.ends_on + delta
        )
        if event is None:
            continue
        Event.objects.filter(pk=event.pk).update(
            registration_deadline=planned.starts_on + delta - timedelta(days=7), programme_sent_at=None
        )
        sessions = list(event.sessions.all())
        for session in sessions:
            session.day += delta
        Session.objects.bulk_update(sessions, ["day"])
        registrations = list(event.registrations.all())
        for registration in registrations:
            registration.days = _shift(registration.days, delta)
            registration.nights = _shift(registration.nights, delta)
            registration.meals = _shift(registration.meals, delta)
            registration.programme_sent_at = registration.reminder_sent_at = None
        Registration.objects.bulk_update(
            registrations, ["days", "nights", "meals", "programme_sent_at", "reminder_sent_at"]
        )


def seed(seeded_editions: dict[str, tuple[Edition, bool]]) -> Outcome:
    outcome = Outcome()
    today = timezone.localdate()
    _bring_forward(seeded_editions[editions.ORE_2022.key][0], today)
    for spec, venue_values in ((editions.PILOT_2019, HOLIDAY_PARK), (editions.ORE_2022, DEMO_HOTEL_2022)):
        edition, _created = seeded_editions[spec.key]
        planned_events = list(edition.planned_events.filter(event__isnull=True).order_by("starts_on"))
        if not planned_events:
            continue  # a second run: everything is there
        by = editions.staff_user(spec)
        venue = _venue(edition.organiser, venue_values, by)
        # One JST of the edition whose team missed the second training (the organiser's and advisors' flag).
        missing = edition.engagements.order_by("pk").values_list("pk", flat=True).first()
        for planned in planned_events:
            past = planned.ends_on < today
            second_training = planned.kind == PlannedEvent.Kind.WORKSHOP_TRAINING and planned.title.startswith("Drugie")
            count = _set_up(planned, venue, by, past=past, missing_engagement=missing if second_training else None)
            outcome.events += 1
            outcome.registrations += count
    return outcome
