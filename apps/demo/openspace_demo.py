"""The demo's open space: the 2019 pilot's closing meeting (23–24 September 2019, Hotel Holiday Park) opened with
an open space, a *targowisko tematów*: the local governments' people put topics up, chose the most interesting and
worked on them in groups moderated by advisors and trainers; the conclusions were presented in the plenary hall.

The eight topics are the ones the ORE report of the meeting lists; who proposed them, the votes, the rooms, the
group moderators and the wording of the conclusions are invented for the demo (the report names the topics, not
what the groups concluded). The open space is over: its conclusions are published to the participants. Written in
bulk (the services would e-mail invented people). Idempotent: an event that already has its open space is left
alone."""

from datetime import datetime, time, timedelta

from apps.accounts.models import Membership, User
from apps.editions.models import PROGRAMME_TZ, PlannedEvent
from apps.events.models import Event, Invitee, Registration
from apps.openspace.models import Conclusion, Follower, Group, OpenSpace, Topic, Vote
from apps.openspace.models import Membership as GroupMembership

from . import editions

# (topic, problem behind it, votes it got, conclusions: solutions, recommendations)
TOPICS_2019 = [
    (
        "Jak zmienić system finansowania oświaty?",
        "Subwencja oświatowa nie pokrywa wydatków bieżących szkół; JST dopłacają coraz więcej z dochodów własnych.",
        14,
        "Wymiana sposobów liczenia kosztu ucznia w JST; analiza sieci szkół przed planowaniem budżetu.",
        "Przedstawić ORE i MEN wspólne stanowisko JST o algorytmie podziału subwencji (przykładowe wnioski demo).",
    ),
    (
        "Opieka pielęgniarska w przedszkolu",
        "Przepisy nie przewidują opieki pielęgniarskiej w przedszkolach, a rodzice o nią pytają.",
        9,
        "Porozumienia gmin z podmiotami leczniczymi; wspólna pielęgniarka dla kilku placówek.",
        "Włączyć temat do modelu jako przykład współpracy JST z ochroną zdrowia (przykładowe wnioski demo).",
    ),
    (
        "Jaka powinna być struktura organizacyjna w organie prowadzącym, aby dobrze zarządzać oświatą?",
        "Zadania oświatowe rozproszone między wydziały; brak osoby, która patrzy na cały system.",
        12,
        "Jeden zespół ds. oświaty w urzędzie albo centrum usług wspólnych; jasny podział zadań z dyrektorami.",
        "Opisać w modelu kilka wariantów struktury dla gmin wiejskich, miejskich i powiatów (przykładowe wnioski demo).",
    ),
    (
        "Dodatek motywacyjny – jak i ile przyznawać? Czy określać stawkę minimalną?",
        "Regulaminy wynagradzania różnią się między JST; dyrektorzy i nauczyciele nie wiedzą, za co przysługuje.",
        11,
        "Kryteria powiązane z celami szkoły; konsultacja regulaminu z dyrektorami i związkami zawodowymi.",
        "Stawka minimalna w regulaminie daje przewidywalność; przegląd regulaminu co roku (przykładowe wnioski demo).",
    ),
    (
        "Co zrobić, żeby dyrektor był bardziej samodzielnym menadżerem szkoły?",
        "Dyrektorzy czekają na decyzje organu prowadzącego w sprawach, które mogliby rozstrzygnąć sami.",
        10,
        "Budżet zadaniowy szkoły z limitem w gestii dyrektora; regularne spotkania dyrektorów z organem.",
        "Szkolenia menedżerskie dla dyrektorów w ramach modelu (przykładowe wnioski demo).",
    ),
    (
        "SIO – weryfikacja danych przez JST",
        "Błędy w danych SIO przekładają się na wysokość subwencji, a JST nie mają narzędzi, by je sprawdzić.",
        8,
        "Harmonogram kontroli danych przed terminami sprawozdawczymi; jedna osoba w urzędzie odpowiedzialna za SIO.",
        "Lista kontrolna weryfikacji danych SIO jako narzędzie modelu (przykładowe wnioski demo).",
    ),
    (
        "Praktyczna nauka zawodu – skąd wziąć specjalistów?",
        "Brakuje nauczycieli przedmiotów zawodowych; pracodawcy nie są włączeni w kształcenie.",
        7,
        "Umowy z pracodawcami na zajęcia praktyczne; zatrudnianie specjalistów z branży na część etatu.",
        "Powiaty chcą wymieniać się dobrymi praktykami współpracy z pracodawcami (przykładowe wnioski demo).",
    ),
    (
        "Dodatek za opiekę wychowawczą w przedszkolu i internacie",
        "Niejasne, komu i w jakiej wysokości przysługuje dodatek w przedszkolach i internatach.",
        6,
        "Jednoznaczne zapisy w regulaminie wynagradzania; porównanie rozwiązań z sąsiednich JST.",
        "Zebrać przykłady zapisów regulaminów w bazie wiedzy modelu (przykładowe wnioski demo).",
    ),
]
ROOMS = ["Sala 1", "Sala 2", "Sala 3", "Sala 4"]


def _moderators(event: Event) -> list[User]:
    """The pilot's advisors and trainers, invited to the closing meeting to moderate the groups."""
    people = list(
        User.objects.filter(
            memberships__organisation_id=event.planned_event.edition.organiser_id,
            memberships__role__in=[Membership.Role.TRAINER, Membership.Role.ADVISOR],
        )
        .distinct()
        .order_by("email")[:4]
    )
    for person in people:
        Invitee.objects.get_or_create(event=event, user=person, defaults={"role": Invitee.Role.ADVISOR})
    return people


def seed() -> str:
    planned = PlannedEvent.objects.filter(
        edition__name=editions.PILOT_2019.name, kind=PlannedEvent.Kind.CLOSING_MEETING
    ).first()
    event = Event.objects.filter(planned_event=planned).first() if planned else None
    if event is None:
        return "Otwarta przestrzeń: brak spotkania podsumowującego pilotażu"
    if OpenSpace.objects.filter(event=event).exists():
        return "Otwarta przestrzeń spotkania podsumowującego pilotażu: bez zmian"
    session = (
        event.sessions.filter(kind="session", workshop_group="", day=event.starts_on).order_by("-starts_at").first()
    )
    if session is None:
        return "Otwarta przestrzeń: brak sesji plenarnej"
    session.title = "Open space – wymiana doświadczeń między samorządowcami"
    session.save(update_fields=["title"])
    people = list(
        Registration.objects.filter(event=event, status=Registration.Status.REGISTERED)
        .select_related("engagement__local_government")
        .order_by("pk")
    )
    if not people:
        return "Otwarta przestrzeń: brak uczestników"
    closed = datetime.combine(event.ends_on, time(17, 0), tzinfo=PROGRAMME_TZ)
    space = OpenSpace.objects.create(
        session=session, event=event, phase="closed", votes_per_person=3, published_at=closed
    )
    moderators = _moderators(event)
    topics = []
    for index, (title, problem, _votes, _solutions, _recommendations) in enumerate(TOPICS_2019):
        proposer = people[(index * 7) % len(people)]
        jst = proposer.engagement.local_government if proposer.engagement_id else None
        topics.append(
            Topic(
                open_space=space,
                title=title,
                problem=problem,
                proposed_by=proposer.user,
                proposer_name=proposer.full_name,
                proposer_jst=jst,
            )
        )
    topics = Topic.objects.bulk_create(topics)
    Follower.objects.bulk_create(
        [Follower(topic=topic, user_id=topic.proposed_by_id) for topic in topics if topic.proposed_by_id]
    )
    # Votes: three each at most, one per topic, as many per topic as listed (people taken in turn).
    votes, used = [], {p.user_id: 0 for p in people}
    cursor = 0
    for topic, (_title, _problem, count, _s, _r) in zip(topics, TOPICS_2019, strict=True):
        given = set()
        for _ in range(len(people) * 3):
            if len(given) >= min(count, len(people)):
                break
            person = people[cursor % len(people)]
            cursor += 1
            if person.user_id in given or used[person.user_id] >= 3:
                continue
            given.add(person.user_id)
            used[person.user_id] += 1
            votes.append(Vote(open_space=space, topic=topic, user_id=person.user_id))
    Vote.objects.bulk_create(votes)
    groups = []
    for index, topic in enumerate(topics):
        start = time(14, 15) if index < 4 else time(16, 0)
        groups.append(
            Group(
                open_space=space,
                topic=topic,
                day=event.starts_on,
                starts_at=start,
                ends_at=(datetime.combine(event.starts_on, start) + timedelta(minutes=90)).time(),
                room=ROOMS[index % 4],
                capacity=max(30, len(people) // 4 + 1),
                moderator=moderators[index % len(moderators)] if moderators else None,
                order=index + 1,
            )
        )
    groups = Group.objects.bulk_create(groups)
    GroupMembership.objects.bulk_create(
        [
            GroupMembership(group=groups[(i % 4) + (4 if round_ else 0)], user_id=person.user_id)
            for i, person in enumerate(people)
            for round_ in (0, 1)
        ]
    )
    Conclusion.objects.bulk_create(
        [
            Conclusion(
                group=group,
                problem=problem,
                solutions=solutions,
                recommendations=recommendations,
                publish_publicly=index % 2 == 0,
            )
            for index, (group, (_t, problem, _v, solutions, recommendations)) in enumerate(
                zip(groups, TOPICS_2019, strict=True)
            )
        ]
    )
    return f"Otwarta przestrzeń spotkania podsumowującego pilotażu: {len(topics)} tematów, {len(votes)} głosów"
