"""Reads of events, scoped to who may see them and prefetched so that page costs do not grow with rows."""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.accounts.models import Organisation
from apps.accounts.roles import roles_of
from apps.editions.models import Edition, PlannedEvent
from apps.engagements.models import Engagement, TeamMember
from apps.territory.kinds import WorkshopGroup

from .access import event_access
from .models import CheckIn, Diet, Event, Meal, Registration, Room, Session, Topic, TopicRating, Venue


def _events() -> QuerySet[Event]:
    return Event.objects.select_related("planned_event__edition__organiser", "venue")


def events_visible_to(user) -> QuerySet[Event]:
    """Events the person may open: the organiser's (staff, trainers, advisors of the organiser) or the
    coordinator's; published editions' events of the JSTs' teams; events the person is invited to."""
    roles = roles_of(user)
    if not roles.is_authenticated:
        return Event.objects.none()
    if roles.is_coordinator:
        return _events()
    access = event_access(user)
    published = Q(planned_event__edition__status=Edition.Status.PUBLISHED)
    return _events().filter(
        Q(planned_event__edition__organiser_id__in=roles.staff_of)
        | (published & Q(planned_event__edition__organiser_id__in=roles.trainer_of | roles.advisor_of))
        | (published & Q(invite_team_members=True, planned_event__edition_id__in=access.team_editions))
        | Q(pk__in=access.invited_events)
    )


def event_for(user, pk: int) -> Event:
    return get_object_or_404(events_visible_to(user), pk=pk)


def event_for_desk(user, pk: int) -> Event:
    """An event for the organiser's pages: its staff and the coordinator; 404 for anyone else."""
    roles = roles_of(user)
    queryset = (
        _events() if roles.is_coordinator else _events().filter(planned_event__edition__organiser_id__in=roles.staff_of)
    )
    return get_object_or_404(queryset, pk=pk)


def planned_event_for_desk(user, pk: int) -> PlannedEvent:
    roles = roles_of(user)
    queryset = PlannedEvent.objects.select_related("edition__organiser")
    if not roles.is_coordinator:
        queryset = queryset.filter(edition__organiser_id__in=roles.staff_of)
    return get_object_or_404(queryset, pk=pk)


def my_events(user) -> list[Event]:
    return list(events_visible_to(user).order_by("planned_event__starts_on", "pk"))


def desk_editions(user, *, edition_slug: str = "", missing_only: bool = False) -> list[Edition]:
    """The editions whose events the organiser's staff (or the coordinator) run, with their planned events and
    the event grown from each (two queries); one edition with ``edition_slug``, and with ``missing_only`` only
    its events some JST has no registration for (``events_missing_registrations``)."""
    roles = roles_of(user)
    editions = Edition.objects.select_related("organiser")
    if not roles.is_coordinator:
        editions = editions.filter(organiser_id__in=roles.staff_of)
    planned = PlannedEvent.objects.select_related("event__venue").order_by("starts_on", "pk")
    if edition_slug:
        editions = editions.filter(slug=edition_slug)
        if missing_only:
            edition = editions.first()
            missing = events_missing_registrations(edition) if edition else Event.objects.none()
            planned = planned.filter(event__in=missing)
    return list(editions.prefetch_related(Prefetch("planned_events", queryset=planned)).order_by("-period_start"))


def events_missing_registrations(edition: Edition) -> QuerySet[Event]:
    """The edition's events not yet over that invite the JSTs' teams, for which some active JST has nobody
    registered (two queries: the JST count, then the events)."""
    jsts = Engagement.objects.filter(edition=edition, withdrawn_at__isnull=True).count()
    registered = (
        Registration.objects.filter(event=OuterRef("pk"), engagement__withdrawn_at__isnull=True)
        .exclude(status=Registration.Status.CANCELLED)
        .exclude(engagement__isnull=True)
        .order_by()
        .values("event")
        .annotate(n=Count("engagement", distinct=True))
        .values("n")
    )
    return (
        Event.objects.filter(
            planned_event__edition=edition,
            invite_team_members=True,
            planned_event__ends_on__gte=timezone.localdate(),
        )
        .annotate(registered_jsts=Coalesce(Subquery(registered), 0))
        .filter(registered_jsts__lt=jsts)
    )


def public_events_of(slug: str) -> tuple[Edition, list[PlannedEvent]]:
    """A published edition's events for the public: title, dates, place."""
    edition = get_object_or_404(Edition.objects.select_related("organiser"), slug=slug)
    if not edition.is_published:
        raise Http404
    events = list(edition.planned_events.select_related("event__venue").order_by("starts_on", "pk"))
    return edition, events


def venues_of(user) -> QuerySet[Venue]:
    return Venue.objects.filter(organiser_id__in=roles_of(user).staff_of).select_related("organiser")


def venue_for(user, pk: int) -> Venue:
    return get_object_or_404(venues_of(user), pk=pk)


def organisations_for_venues(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=roles_of(user).staff_of).order_by("name")


# The agenda.


def sessions_of(event: Event) -> list[Session]:
    return list(event.sessions.prefetch_related("trainers", "materials").select_related("topic", "scenario__programme"))


def session_of(event: Event, pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("event__planned_event"), event=event, pk=pk)


@dataclass
class AgendaDay:
    day: object
    sessions: list[Session] = field(default_factory=list)


def agenda_days(event: Event, sessions: list[Session]) -> list[AgendaDay]:
    by_day = {day: AgendaDay(day) for day in event.days}
    for session in sessions:
        by_day.setdefault(session.day, AgendaDay(session.day)).sessions.append(session)
    return [by_day[day] for day in sorted(by_day)]


def my_agenda(event: Event, user) -> tuple[str, list[Session]]:
    """The person's own agenda: a trainer's sessions; a participant's group sessions and the plenaries."""
    sessions = sessions_of(event)
    taught = [s for s in sessions if any(t.pk == user.pk for t in s.trainers.all())]
    group = group_of(event, user)
    if taught and not group:
        return "", taught
    mine = [s for s in sessions if s.is_plenary or s.workshop_group == group or s in taught]
    return group, mine


def group_of(event: Event, user) -> str:
    registration = registration_of(event, user)
    if registration and registration.workshop_group:
        return registration.workshop_group
    engagement_id = event_access(user).engagement_in(event.planned_event.edition_id)
    if engagement_id is None:
        return ""
    return Engagement.objects.filter(pk=engagement_id).values_list("workshop_group", flat=True).first() or ""


def events_to_copy_from(event: Event) -> QuerySet[Event]:
    """Other events of the same organiser that have an agenda."""
    return (
        _events()
        .filter(planned_event__edition__organiser_id=event.planned_event.edition.organiser_id, sessions__isnull=False)
        .exclude(pk=event.pk)
        .distinct()
    )


# Registrations.


def registration_of(event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).select_related("roommate").first()


def registrations_of(event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.select_related("engagement__local_government", "roommate", "user")
        .prefetch_related("check_ins")
        .order_by("full_name", "pk")
    )


def registration_for_desk(event: Event, pk: int) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event__planned_event"), event=event, pk=pk)


def roommate_options(event: Event, exclude_user=None) -> QuerySet[Registration]:
    queryset = event.registrations.filter(status=Registration.Status.REGISTERED).order_by("full_name", "pk")
    if exclude_user is not None:
        queryset = queryset.exclude(user=exclude_user)
    return queryset


@dataclass
class TeamStatus:
    engagement: Engagement
    members: list[tuple[TeamMember, Registration | None]]

    @property
    def missing(self) -> list[TeamMember]:
        return [m for m, r in self.members if r is None or r.status == Registration.Status.CANCELLED]


def team_status(event: Event, user) -> TeamStatus:
    """The team leader's view: each active member of the JST's team with their registration (or none)."""
    engagement_id = event_access(user).engagement_in(event.planned_event.edition_id)
    engagement = get_object_or_404(Engagement.objects.select_related("local_government"), pk=engagement_id)
    members = list(engagement.team_members.filter(left_at__isnull=True).order_by("full_name"))
    registrations = {
        r.team_member_id: r for r in Registration.objects.filter(event=event, team_member__in=[m.pk for m in members])
    }
    return TeamStatus(engagement, [(m, registrations.get(m.pk)) for m in members])


@dataclass
class EventNumbers:
    registered: int = 0
    waiting: int = 0
    offered: int = 0
    cancelled: int = 0
    parking: int = 0
    single_rooms_waiting: int = 0
    by_day: dict = field(default_factory=dict)
    nights: dict = field(default_factory=dict)
    meals: dict = field(default_factory=dict)  # (day, meal) -> Counter(diet)
    checked_in: dict = field(default_factory=dict)


def numbers_of(event: Event) -> EventNumbers:
    """The figures on the event page: registrations by state, people per day and night, parking, meals by diet,
    check-ins per day. Aggregated in the database (three queries, a handful of rows), so neither the time nor the
    queries grow with the registrations; the days, nights and meals are a fixed small set per event, each counted
    with a conditional aggregate over the JSON lists (``json_list_has``)."""
    status = Registration.Status
    registered = Q(status=status.REGISTERED)
    day_keys = {f"d{i}": day for i, day in enumerate(event.days)}
    night_keys = {f"n{i}": night for i, night in enumerate(event.nights)}
    totals = event.registrations.aggregate(
        registered=Count("pk", filter=registered),
        waiting=Count("pk", filter=Q(status=status.WAITING)),
        offered=Count("pk", filter=Q(status=status.OFFERED)),
        cancelled=Count("pk", filter=Q(status=status.CANCELLED)),
        parking=Count("pk", filter=registered & Q(parking=True)),
        single_rooms_waiting=Count("pk", filter=registered & Q(room_choice="single", single_approved__isnull=True)),
        **{
            key: Count("pk", filter=registered & json_list_has("days", day.isoformat()))
            for key, day in day_keys.items()
        },
        **{
            key: Count("pk", filter=registered & json_list_has("nights", night.isoformat()))
            for key, night in night_keys.items()
        },
    )
    numbers = EventNumbers(**{name: totals[name] for name in _TOTALS})
    numbers.by_day = {day: totals[key] for key, day in day_keys.items()}
    numbers.nights = {night: totals[key] for key, night in night_keys.items()}
    meal_keys = {
        f"m{i}": meal_key(day, meal) for i, (day, meal) in enumerate((d, m.value) for d in event.days for m in Meal)
    }
    meals: dict = defaultdict(Counter)
    for row in (
        event.registrations.filter(registered)
        .values("diet")
        .annotate(**{key: Count("pk", filter=json_list_has("meals", meal)) for key, meal in meal_keys.items()})
        .order_by()
    ):
        for key, meal in meal_keys.items():
            if row[key]:
                meals[meal][row["diet"]] += row[key]
    numbers.meals = meals
    numbers.checked_in = dict.fromkeys(event.days, 0)
    for day, count in (
        CheckIn.objects.filter(registration__event=event).values("day").annotate(n=Count("pk")).values_list("day", "n")
    ):
        if day in numbers.checked_in:
            numbers.checked_in[day] = count
    return numbers


_TOTALS = ("registered", "waiting", "offered", "cancelled", "parking", "single_rooms_waiting")


@dataclass
class MealRow:
    day: object
    meal: str
    meal_label: str
    by_diet: list[tuple[str, int]]
    total: int
    notes: list[str]


def meal_counts(event: Event) -> list[MealRow]:
    """Per day and meal, how many of each diet (one query), with the notes of "other" diets."""
    counts: dict = defaultdict(Counter)
    notes: dict = defaultdict(list)
    rows = event.registrations.filter(status=Registration.Status.REGISTERED).values_list(
        "meals", "diet", "diet_note", "full_name"
    )
    for chosen, diet, note, name in rows:
        for key in chosen:
            counts[key][diet] += 1
            if diet == Diet.OTHER:
                notes[key].append(f"{name}: {note}")
    result = []
    for day in event.days:
        for meal in Meal:
            key = meal_key(day, meal.value)
            by_diet = [(Diet(d).label, counts[key][d]) for d in Diet.values]
            result.append(MealRow(day, meal.value, meal.label, by_diet, sum(counts[key].values()), sorted(notes[key])))
    return result


def meal_key(day, meal: str) -> str:
    return f"{day.isoformat()}:{meal}"


def rooms_of(event: Event) -> QuerySet[Room]:
    """The event's rooms with both people and their JSTs, in the order they are numbered (page it in the
    database: the rooms page shows 100 at a time)."""
    return event.rooms.select_related(
        "first__engagement__local_government", "second__engagement__local_government"
    ).order_by("pk")


def json_list_has(field: str, value: str) -> Q:
    """``field`` (a JSON list of ISO dates or meal keys) holds ``value``, in SQL on SQLite and PostgreSQL alike.

    JSONField ``__contains`` is not supported on SQLite, so this matches the quoted element in the list's JSON
    text (``%s::text`` on PostgreSQL); the values are plain ASCII keys, so the quoted match is exact."""
    return Q(**{f"{field}__icontains": json.dumps(value)})


def rooms_per_night(event: Event) -> list[tuple[object, int]]:
    """(night, rooms used that night) for each night of the event: one aggregate query whatever the rooms."""
    registered = Registration.Status.REGISTERED
    counts = event.rooms.aggregate(
        **{
            f"n{i}": Count(
                "pk",
                filter=(Q(first__status=registered) & json_list_has("first__nights", night.isoformat()))
                | (Q(second__status=registered) & json_list_has("second__nights", night.isoformat())),
            )
            for i, night in enumerate(event.nights)
        }
    )
    return [(night, counts[f"n{i}"]) for i, night in enumerate(event.nights)]


@dataclass
class RoomingRow:
    number: int
    people: list[Registration]
    source: str


def rooming_list(event: Event, night, rooms: list[Room] | None = None) -> list[RoomingRow]:
    """The rooms used on one night: each room with whoever of its two people stays that night (one query, none
    when the event's ``rooms`` are given)."""
    key = night.isoformat()
    result = []
    for number, room in enumerate(rooms if rooms is not None else rooms_of(event), start=1):
        people = [p for p in (room.first, room.second) if p and p.is_active and key in p.nights]
        if people:
            result.append(RoomingRow(number, people, room.get_source_display()))
    return result


def unroomed(event: Event) -> QuerySet[Registration]:
    """Registered people with at least one night and no room yet (filtered in the database)."""
    return (
        event.registrations.filter(status=Registration.Status.REGISTERED, room_as_first__isnull=True)
        .filter(room_as_second__isnull=True)
        .exclude(nights=[])
        .select_related("roommate")
        .order_by("full_name", "pk")
    )


def participants_by_group(event: Event) -> list[tuple[str, list[Registration]]]:
    rows = registrations_of(event).filter(status=Registration.Status.REGISTERED)
    groups: dict[str, list] = defaultdict(list)
    for registration in rows:
        groups[registration.workshop_group].append(registration)
    ordered = [(WorkshopGroup(g).label, groups[g]) for g in WorkshopGroup.values if groups.get(g)]
    if groups.get(""):
        ordered.append(("", groups[""]))
    return ordered


def topics_of(event: Event) -> QuerySet[Topic]:
    return event.topics.select_related("proposed_by").prefetch_related("ratings")


def invited_without_registration(event: Event) -> list[tuple[str, str]]:
    """(name, e-mail) of everyone invited who has not registered (or cancelled): the active team members of the
    edition's JSTs (if the event invites them) and the invited advisors, trainers and guests (two queries)."""
    registered = {
        email.lower()
        for email in event.registrations.exclude(status=Registration.Status.CANCELLED).values_list("email", flat=True)
    }
    people: dict[str, str] = {}
    if event.invite_team_members:
        members = TeamMember.objects.filter(
            engagement__edition_id=event.planned_event.edition_id,
            engagement__withdrawn_at__isnull=True,
            left_at__isnull=True,
        ).values_list("full_name", "email", "user__email")
        for name, email, account_email in members:
            address = account_email or email
            people.setdefault(address.lower(), name)
    for name, email in event.invitees.values_list("user__full_name", "user__email"):
        people.setdefault(email.lower(), name or email)
    return sorted(((name, email) for email, name in people.items() if email not in registered), key=lambda p: p[0])


@dataclass
class AttendanceRow:
    registration: Registration
    days: list[bool]

    @property
    def count(self) -> int:
        return sum(self.days)


def attendance_people(event: Event) -> QuerySet[Registration]:
    """The registered people of the attendance page, to be paged in the database."""
    return event.registrations.filter(status=Registration.Status.REGISTERED).order_by("full_name", "pk")


def attendance_of(event: Event, registrations=None) -> list[AttendanceRow]:
    """Each of ``registrations`` (a page of ``attendance_people``; all of them by default) with their presence on
    each day (two queries)."""
    people = list(attendance_people(event) if registrations is None else registrations)
    present = defaultdict(set)
    for registration_id, day in CheckIn.objects.filter(registration__in=[p.pk for p in people]).values_list(
        "registration_id", "day"
    ):
        present[registration_id].add(day)
    return [AttendanceRow(p, [day in present[p.pk] for day in event.days]) for p in people]


@dataclass
class JstAttendance:
    engagement: Engagement
    registered: int
    present: int

    @property
    def missed(self) -> bool:
        return self.present == 0


def attendance_by_jst(event: Event) -> list[JstAttendance]:
    """For each JST of the edition: how many of its people registered and how many were present at least once."""
    engagements = list(
        Engagement.objects.filter(edition_id=event.planned_event.edition_id, withdrawn_at__isnull=True)
        .select_related("local_government")
        .order_by("local_government__display_name")
    )
    # Counted in the database: one row per JST, whatever the registrations and check-ins.
    registered = dict(
        event.registrations.filter(engagement__isnull=False, status=Registration.Status.REGISTERED)
        .values("engagement_id")
        .annotate(n=Count("pk"))
        .values_list("engagement_id", "n")
        .order_by()
    )
    present = dict(
        CheckIn.objects.filter(registration__event=event, registration__engagement__isnull=False)
        .values("registration__engagement_id")
        .annotate(n=Count("registration_id", distinct=True))
        .values_list("registration__engagement_id", "n")
        .order_by()
    )
    return [JstAttendance(e, registered.get(e.pk, 0), present.get(e.pk, 0)) for e in engagements]


# The attendance page's per-JST table: sorts by what the organiser looks for (who missed the event first).
JST_SORTS = {
    "jst": ("local_government__display_name", "pk"),
    "-jst": ("-local_government__display_name", "-pk"),
    "obecni": ("present_count", "local_government__display_name", "pk"),
    "-obecni": ("-present_count", "local_government__display_name", "pk"),
    "zarejestrowani": ("registered_count", "local_government__display_name", "pk"),
    "-zarejestrowani": ("-registered_count", "local_government__display_name", "pk"),
}


def jst_attendance_rows(event: Event, *, search: str = "", sort: str = "jst") -> QuerySet[Engagement]:
    """The edition's JSTs with ``registered_count`` and ``present_count`` computed in SQL, searched by name
    (case and Polish diacritics optional) and sorted by ``JST_SORTS``: a page of them costs two queries (the
    count and the rows) whatever the number of JSTs, registrations and check-ins."""
    from django.db.models import IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from apps.territory.names import fold

    registered = (
        Registration.objects.filter(event=event, engagement=OuterRef("pk"), status=Registration.Status.REGISTERED)
        .order_by()
        .values("engagement")
        .annotate(n=Count("pk"))
        .values("n")
    )
    present = (
        CheckIn.objects.filter(registration__event=event, registration__engagement=OuterRef("pk"))
        .order_by()
        .values("registration__engagement")
        .annotate(n=Count("registration_id", distinct=True))
        .values("n")
    )
    rows = (
        Engagement.objects.filter(edition_id=event.planned_event.edition_id, withdrawn_at__isnull=True)
        .select_related("local_government")
        .annotate(
            registered_count=Coalesce(Subquery(registered, output_field=IntegerField()), 0),
            present_count=Coalesce(Subquery(present, output_field=IntegerField()), 0),
        )
    )
    search = (search or "").strip()[:100]
    if search:
        rows = rows.filter(
            Q(local_government__display_name__icontains=search)
            | Q(local_government__search_text__icontains=fold(search))
            | Q(local_government__teryt__startswith=search)
        )
    return rows.order_by(*JST_SORTS.get(sort, JST_SORTS["jst"]))


def jst_attendance_page(engagements) -> list["JstAttendance"]:
    return [JstAttendance(e, e.registered_count, e.present_count) for e in engagements]


MISSED_SHOWN = 50


def missed_teams(event: Event) -> QuerySet[Engagement]:
    """The edition's JSTs whose team missed the event (nobody checked in), once the event has started: filtered
    in the database with one uncorrelated subquery (the event page shows the first ``MISSED_SHOWN`` and the
    total; the attendance page lists them all by JST)."""
    from django.utils import timezone

    if event.starts_on > timezone.localdate():
        return Engagement.objects.none()
    present = CheckIn.objects.filter(registration__event=event, registration__engagement__isnull=False).values(
        "registration__engagement_id"
    )
    return (
        Engagement.objects.filter(edition_id=event.planned_event.edition_id, withdrawn_at__isnull=True)
        .exclude(pk__in=present)
        .select_related("local_government")
        .order_by("local_government__display_name", "pk")
    )


def teams_missing(event: Event, limit: int | None = None) -> list[JstAttendance]:
    """JSTs whose team missed the event (nobody checked in), once the event has started, with how many of their
    people registered (one grouped query over the JSTs shown)."""
    rows = missed_teams(event)
    engagements = list(rows[:limit] if limit else rows)
    registered = dict(
        event.registrations.filter(engagement__in=[e.pk for e in engagements], status=Registration.Status.REGISTERED)
        .values("engagement_id")
        .annotate(n=Count("pk"))
        .values_list("engagement_id", "n")
        .order_by()
    )
    return [JstAttendance(e, registered.get(e.pk, 0), 0) for e in engagements]


def missed_events_of_advisor(user) -> list[tuple[Event, Engagement]]:
    """(event, JST) pairs where a JST the advisor is assigned to had nobody at a past event (few queries)."""
    from django.utils import timezone

    from apps.engagements.access import engagement_access

    advised = engagement_access(user).advisor_of
    if not advised:
        return []
    engagements = list(
        Engagement.objects.filter(pk__in=advised, withdrawn_at__isnull=True).select_related("local_government")
    )
    editions = {e.edition_id for e in engagements}
    events = list(
        _events().filter(planned_event__edition_id__in=editions, planned_event__ends_on__lt=timezone.localdate())
    )
    present = set(
        CheckIn.objects.filter(registration__event__in=events, registration__engagement__in=advised).values_list(
            "registration__event_id", "registration__engagement_id"
        )
    )
    return [
        (event, engagement)
        for event in events
        for engagement in engagements
        if engagement.edition_id == event.planned_event.edition_id and (event.pk, engagement.pk) not in present
    ]


@dataclass
class TopicScore:
    topic: Topic
    average: float
    votes: int


@dataclass
class GroupNeeds:
    group: str
    label: str
    ranked: list[TopicScore]
    proposals: list[Topic]


def needs_results(event: Event) -> list[GroupNeeds]:
    """Per workshop group (and "" for people without one), the candidate topics ranked by their average rating,
    with the proposals made in that group (two queries)."""
    topics = list(event.topics.select_related("proposed_by"))
    candidates = [t for t in topics if t.proposed_by_id is None]
    scores: dict = defaultdict(lambda: defaultdict(list))
    for topic_id, group, score in TopicRating.objects.filter(topic__event=event).values_list(
        "topic_id", "workshop_group", "score"
    ):
        scores[group][topic_id].append(score)
    result = []
    for group in [*WorkshopGroup.values, ""]:
        proposals = [t for t in topics if t.proposed_by_id and t.proposed_in_group == group]
        if group not in scores and not proposals:
            continue
        ranked = [
            TopicScore(t, round(sum(v) / len(v), 2), len(v)) for t in candidates if (v := scores[group].get(t.pk))
        ]
        ranked.sort(key=lambda s: (-s.average, -s.votes, s.topic.title))
        label = WorkshopGroup(group).label if group else ""
        result.append(GroupNeeds(group, label, ranked, proposals))
    return result
