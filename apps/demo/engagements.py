"""The demo JSTs of each edition: real JSTs from the register (by TERYT code), invented teams and advisors, the
chosen areas, the needs diagnosis and priorities, the HDR and its monitoring, and the stage of each engagement.

Everything goes through the services of the engagements and plans apps (team, advisor pair, area choice and
confirmation, diagnosis, priorities, HDR review, stage changes with their guards, audit and timeline). Only the
accounts of invented people are created directly (no invitation e-mail), and the moments of what happened are
then moved into the edition's calendar (timeline entries and the dates on those rows; the audit history keeps the
real time of the seed, plus one "demo.loaded" entry per edition saying so). An engagement that already exists is
left alone, so a second run changes nothing. See docs/decisions/0006-demo-data.md.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError

from apps.accounts.models import Invitation, Organisation, User
from apps.audit.services import record
from apps.catalog.models import Area
from apps.editions.models import PROGRAMME_TZ, Edition, PlannedEvent
from apps.engagements import diagnosis, services
from apps.engagements.models import (
    STAGE_ORDER,
    AdvisorAssignment,
    ChosenArea,
    Engagement,
    NeedsAssessment,
    Stage,
    TeamMember,
    TimelineEntry,
)
from apps.territory.kinds import JstKind
from apps.territory.models import LocalGovernment

from . import accounts, editions, publications_demo
from . import plans as demo_plans
from .people import DEMO_MARK, Person, ensure_accounts, ensure_advisors, invented_person

logger = logging.getLogger(__name__)

PD = AdvisorAssignment.Role.PERSONAL_DEVELOPMENT
MG = AdvisorAssignment.Role.MANAGEMENT

# The ten area names confirmed by the sources (catalogue version 1 holds exactly these names).
A1 = "Zarządzanie oświatą na poziomie organu prowadzącego"
A2 = "Organizacja wsparcia uczniów szczególnie uzdolnionych"
A3 = "Planowanie budżetowe"
A4 = "Monitorowanie jakości usług edukacyjnych"
A5 = "Analizowanie potrzeb i planowanie realizacji założonej wizji rozwoju lokalnego systemu oświaty"
A6 = "Rola dyrektora i relacje z organem prowadzącym"
A7 = "Udział rodziców w planowaniu, realizacji i ocenie usług edukacyjnych"
A8 = "System wspomagania szkół – doskonalenie nauczycieli"
A9 = "Gospodarowanie zasobami materialnymi systemu oświaty"
A10 = "Organizacja wsparcia uczniów niepełnosprawnych oraz uczniów z trudnościami w nauce"


@dataclass(frozen=True)
class JstSpec:
    teryt: str
    areas: tuple[str, ...]
    stage: str
    team_size: int
    advisors: tuple[str, str]  # (personal development, management) e-mails
    # Printed demo logins placed in this team: (e-mail, leader?, kind).
    logins: tuple[tuple[str, bool, str], ...] = ()


@dataclass(frozen=True)
class EditionCast:
    edition_key: str
    advisors: tuple[Person, ...]
    jsts: tuple[JstSpec, ...] = field(default_factory=tuple)


# Advisors: the printed demo logins doradca@ and doradca2@ plus invented ones without a login.
DORADCA = "doradca@demo.example"
DORADCA2 = "doradca2@demo.example"
ORE_ADVISORS = (
    Person("Beata Sowa (demo)", "beata.sowa@demo.example"),
    Person("Marek Lis (demo)", "marek.lis@demo.example"),
    Person("Iwona Czajka (demo)", "iwona.czajka@demo.example"),
    Person("Jacek Wrona (demo)", "jacek.wrona@demo.example"),
    Person("Renata Gil (demo)", "renata.gil@demo.example"),
    Person("Robert Kruk (demo)", "robert.kruk@demo.example"),
)
FRS_ADVISORS = (
    Person("Teresa Kos (demo)", "teresa.kos@demo.example"),
    Person("Leszek Pawlak (demo)", "leszek.pawlak@demo.example"),
    Person("Halina Wilk (demo)", "halina.wilk@demo.example"),
    Person("Sławomir Szpak (demo)", "slawomir.szpak@demo.example"),
)
SOWA_LIS = ("beata.sowa@demo.example", "marek.lis@demo.example")
CZAJKA_WRONA = ("iwona.czajka@demo.example", "jacek.wrona@demo.example")
GIL_KRUK = ("renata.gil@demo.example", "robert.kruk@demo.example")
DORADCY = (DORADCA, DORADCA2)
KOS_PAWLAK = ("teresa.kos@demo.example", "leszek.pawlak@demo.example")
WILK_SZPAK = ("halina.wilk@demo.example", "slawomir.szpak@demo.example")

DONE = Stage.COMPLETED


def _pilot(teryt: str, areas: tuple[str, ...], pair: tuple[str, str], team_size: int = 3) -> JstSpec:
    return JstSpec(teryt=teryt, areas=areas, stage=DONE, team_size=team_size, advisors=pair)


# The 2019 pilot: 34 JSTs in the four workshop groups; 38 area choices (four JSTs with two areas) whose counts per
# area are the ones the pilot's closing note publishes. Which JST chose what is invented.
PILOT_2019 = EditionCast(
    edition_key=editions.PILOT_2019.key,
    advisors=ORE_ADVISORS,
    jsts=(
        # gminy wiejskie
        _pilot("0206072", (A1,), SOWA_LIS),  # Mysłakowice
        _pilot("0404062", (A2,), CZAJKA_WRONA),  # Stolno
        _pilot("0609082", (A1, A3), GIL_KRUK),  # Konopnica
        _pilot("0801022", (A2,), SOWA_LIS),  # Bogdaniec
        _pilot("1206072", (A4,), CZAJKA_WRONA),  # Liszki
        _pilot("1603062", (A1,), GIL_KRUK),  # Reńska Wieś
        _pilot("2008022", (A9,), SOWA_LIS),  # Jasionówka
        _pilot("2204082", (A2,), CZAJKA_WRONA),  # Trąbki Wielkie
        _pilot("2604092", (A5,), GIL_KRUK),  # Masłów
        # gminy miejskie, with three cities with powiat rights (they train with urban gminy by default)
        _pilot("0215011", (A1,), SOWA_LIS),  # Oława
        _pilot("1001011", (A2, A7), CZAJKA_WRONA),  # Bełchatów
        _pilot("1402011", (A4,), GIL_KRUK),  # Ciechanów
        _pilot("1803011", (A6,), SOWA_LIS),  # Dębica
        _pilot("2207011", (A1,), CZAJKA_WRONA, team_size=2),  # Kwidzyn
        _pilot("3017011", (A2,), GIL_KRUK),  # Ostrów Wielkopolski
        _pilot("0663011", (A3,), SOWA_LIS),  # Lublin
        _pilot("1863011", (A2,), CZAJKA_WRONA),  # Rzeszów
        _pilot("2473011", (A8,), GIL_KRUK),  # Rybnik
        # powiaty
        _pilot("0402", (A1,), SOWA_LIS),  # brodnicki
        _pilot("1005", (A10,), CZAJKA_WRONA),  # łowicki
        _pilot("1211", (A1, A6), GIL_KRUK),  # nowotarski
        _pilot("1428", (A4,), SOWA_LIS),  # sochaczewski
        _pilot("1816", (A5,), CZAJKA_WRONA),  # rzeszowski
        _pilot("2208", (A2,), GIL_KRUK),  # lęborski
        _pilot("2807", (A3,), SOWA_LIS),  # iławski
        _pilot("3024", (A1,), CZAJKA_WRONA),  # szamotulski
        # gminy miejsko-wiejskie
        _pilot("0210033", (A2,), GIL_KRUK),  # Leśna
        _pilot("0410023", (A1,), SOWA_LIS),  # Mrocza
        _pilot("1006113", (A3,), CZAJKA_WRONA),  # Tuszyn
        _pilot("1418043", (A2, A4), GIL_KRUK),  # Piaseczno
        _pilot("1605013", (A5,), SOWA_LIS),  # Gogolin
        _pilot("2013023", (A6,), CZAJKA_WRONA),  # Ciechanowiec
        _pilot("2612073", (A7,), GIL_KRUK),  # Staszów
        _pilot("3218023", (A1,), SOWA_LIS),  # Łobez
    ),
)

ZESPOL = "zespol@demo.example"
ZESPOL2 = "zespol2@demo.example"
DIRECTOR = TeamMember.Kind.SCHOOL_DIRECTOR
OFFICIAL = TeamMember.Kind.OFFICIAL

# 2022/2023: 20 JSTs; Powiat bolesławiecki is the one the sources name. Stages vary so that every step of the
# cycle has an example; most JSTs are implementing their HDR (the edition's period ended in April 2023 and the
# engagements continue in monitoring), see docs/decisions/0006-demo-data.md.
ORE_2022 = EditionCast(
    edition_key=editions.ORE_2022.key,
    advisors=ORE_ADVISORS,
    jsts=(
        JstSpec("0201", (A2,), Stage.DIAGNOSIS, 4, DORADCY, logins=((ZESPOL, True, OFFICIAL),)),  # Powiat bolesławiecki
        JstSpec("0201022", (A1,), Stage.IMPLEMENTATION, 3, DORADCY),  # Gmina Bolesławiec (wiejska)
        JstSpec("0201043", (A4,), Stage.PLAN, 5, DORADCY),  # Nowogrodziec
        JstSpec("3063011", (A6,), Stage.PLAN, 4, DORADCY, logins=((ZESPOL2, False, DIRECTOR),)),  # Leszno
        JstSpec("1821052", (A7,), Stage.AREA, 3, DORADCY),  # Solina
        JstSpec("0601", (A3,), Stage.IMPLEMENTATION, 4, SOWA_LIS),  # Powiat bialski
        JstSpec("1419", (A1,), Stage.IMPLEMENTATION, 5, SOWA_LIS),  # Powiat płocki
        JstSpec("2410", (A5,), DONE, 3, SOWA_LIS),  # Powiat pszczyński
        JstSpec("3202", (A8,), Stage.DIRECTIONS, 4, SOWA_LIS),  # Powiat choszczeński
        JstSpec("0862011", (A2,), Stage.IMPLEMENTATION, 5, SOWA_LIS),  # Zielona Góra
        JstSpec("2062011", (A4,), DONE, 4, CZAJKA_WRONA),  # Łomża
        JstSpec("0402011", (A1,), Stage.IMPLEMENTATION, 3, CZAJKA_WRONA),  # Brodnica
        JstSpec("1201011", (A9,), Stage.DIAGNOSIS, 4, CZAJKA_WRONA),  # Bochnia
        JstSpec("2801011", (A6,), Stage.IMPLEMENTATION, 3, CZAJKA_WRONA),  # Bartoszyce
        JstSpec("3201011", (A10,), Stage.DIRECTIONS, 4, CZAJKA_WRONA),  # Białogard
        JstSpec("1011052", (A3,), Stage.IMPLEMENTATION, 3, GIL_KRUK),  # Wartkowice
        JstSpec("2216042", (A2,), DONE, 4, GIL_KRUK),  # Stary Targ
        JstSpec("1201063", (A5,), Stage.IMPLEMENTATION, 5, GIL_KRUK),  # Nowy Wiśnicz
        JstSpec("2401073", (A1,), Stage.PLAN, 4, GIL_KRUK),  # Siewierz
        JstSpec("3016013", (A4,), Stage.AREA, 3, GIL_KRUK),  # Oborniki
    ),
)

# The second organiser's 8 JSTs; Miasto Bochnia also takes part in ORE's 2022/2023 edition, which shows that each
# organiser sees only its own engagement of the same JST.
FRS_2024 = EditionCast(
    edition_key=editions.FRS_2024.key,
    advisors=FRS_ADVISORS,
    jsts=(
        JstSpec("2602", (A1,), DONE, 4, KOS_PAWLAK),  # Powiat jędrzejowski
        JstSpec("1609", (A3,), Stage.SUMMARY, 3, KOS_PAWLAK),  # Powiat opolski
        JstSpec("2809011", (A2,), DONE, 5, KOS_PAWLAK),  # Lidzbark Warmiński
        JstSpec("1201011", (A4,), Stage.IMPLEMENTATION, 4, KOS_PAWLAK),  # Bochnia
        JstSpec("2805022", (A6,), DONE, 3, WILK_SZPAK),  # Gmina Ełk
        JstSpec("3001022", (A7,), Stage.SUMMARY, 4, WILK_SZPAK),  # Budzyń
        JstSpec("1801083", (A5,), Stage.IMPLEMENTATION, 3, WILK_SZPAK),  # Ustrzyki Dolne
        JstSpec("2818033", (A9,), Stage.SUMMARY, 5, WILK_SZPAK),  # Gołdap
    ),
)

CASTS = (PILOT_2019, ORE_2022, FRS_2024)

# Where the advisors of each cast work.
ADVISOR_ORGANISATION = {
    PILOT_2019.edition_key: accounts.ORE["slug"],
    ORE_2022.edition_key: accounts.ORE["slug"],
    FRS_2024.edition_key: accounts.BENEFICIARY["slug"],
}

# Development priorities the demo teams choose, per area: (title, goal). Invented examples.
PRIORITIES = {
    A1: [
        ("Jasny podział zadań oświatowych w urzędzie", "Każde zadanie oświatowe ma w urzędzie osobę odpowiedzialną."),
        ("Sprawny obieg informacji między urzędem a szkołami", "Dyrektorzy dostają decyzje organu w ciągu 7 dni."),
        ("Rozwój kompetencji pracowników wydziału edukacji", "Każdy pracownik wydziału ma plan doskonalenia."),
    ],
    A2: [
        (
            "Gminny program wspierania uczniów uzdolnionych",
            "Program przyjęty uchwałą i realizowany we wszystkich szkołach.",
        ),
        ("Współpraca szkół z uczelniami i instytucjami kultury", "Co najmniej trzy porozumienia o współpracy."),
        ("Stypendia i nagrody dla uczniów szczególnie uzdolnionych", "Regulamin stypendialny przyjęty i stosowany."),
    ],
    A3: [
        ("Planowanie wydatków oświatowych na podstawie danych", "Projekt budżetu oświaty oparty na analizie kosztów."),
        ("Udział dyrektorów w planowaniu budżetu", "Dyrektorzy uczestniczą w konsultacjach projektu budżetu."),
        ("Wieloletni plan inwestycji oświatowych", "Plan inwestycji na trzy lata przyjęty przez organ."),
    ],
    A4: [
        ("Wskaźniki jakości pracy szkół", "Uzgodniony zestaw wskaźników monitorowanych co semestr."),
        ("Raport o stanie oświaty jako narzędzie decyzji", "Wnioski z raportu przekładają się na plan działań."),
        ("Badanie opinii uczniów i rodziców", "Coroczne badanie opinii we wszystkich szkołach."),
    ],
    A5: [
        ("Diagnoza lokalnego systemu oświaty", "Opracowana diagnoza z prognozą demograficzną."),
        ("Strategia rozwoju oświaty", "Strategia skonsultowana ze szkołami i przyjęta przez radę."),
        ("Sieć szkół dopasowana do potrzeb", "Analiza sieci szkół z wariantami zmian."),
    ],
    A6: [
        ("Partnerska współpraca organu prowadzącego z dyrektorami", "Stałe spotkania dyrektorów z organem co kwartał."),
        ("Jasne zasady oceny pracy dyrektorów", "Kryteria oceny znane dyrektorom i stosowane."),
        ("Wsparcie nowych dyrektorów", "Każdy nowy dyrektor ma opiekuna i plan wdrożenia."),
    ],
    A7: [
        ("Rada rodziców przy organie prowadzącym", "Powołane forum rodziców spotykające się dwa razy w roku."),
        ("Konsultacje z rodzicami ważnych decyzji oświatowych", "Rodzice opiniują zmiany sieci i organizacji szkół."),
        ("Informacja dla rodziców o jakości usług", "Publikowana coroczna informacja o wynikach szkół."),
    ],
    A8: [
        ("Plan doskonalenia nauczycieli na poziomie JST", "Plan oparty na potrzebach zgłoszonych przez szkoły."),
        ("Sieci współpracy i samokształcenia nauczycieli", "Działają co najmniej dwie sieci współpracy."),
        ("Współpraca z placówką doskonalenia i poradnią", "Porozumienie o wspomaganiu szkół podpisane."),
    ],
    A9: [
        ("Przegląd stanu technicznego bazy szkolnej", "Aktualny przegląd wszystkich budynków szkolnych."),
        ("Plan remontów i modernizacji", "Harmonogram remontów na trzy lata przyjęty."),
        ("Wspólne zakupy dla szkół", "Wspólne zamówienia na energię i wyposażenie."),
    ],
    A10: [
        ("Dostępność szkół dla uczniów z niepełnosprawnościami", "Audyt dostępności i plan usuwania barier."),
        ("Koordynacja pomocy psychologiczno-pedagogicznej", "Koordynator wsparcia w JST i procedura współpracy."),
        ("Doskonalenie nauczycieli w pracy z uczniem z trudnościami", "Szkolenia dla nauczycieli wszystkich szkół."),
    ],
}
DEMO_PRIORITY_NOTE = "Przykładowy priorytet (demo)."
DEMO_JUSTIFICATION = (
    "Uzasadnienie przykładowe (demo): obszar wskazany przez zespół jako sprawiający najwięcej trudności."
)

# Positions by the JST's kind: the head's deputy (management), the leader (head of the education office) and
# another official.
_HEAD = {
    JstKind.RURAL_GMINA: "Zastępca wójta",
    JstKind.URBAN_GMINA: "Zastępca burmistrza",
    JstKind.URBAN_RURAL_GMINA: "Zastępca burmistrza",
    JstKind.CITY_WITH_POWIAT_RIGHTS: "Zastępca prezydenta miasta",
    JstKind.POWIAT: "Wicestarosta",
    JstKind.VOIVODESHIP: "Członek zarządu województwa",
}
_LEADER = {
    JstKind.RURAL_GMINA: "Kierownik referatu oświaty",
    JstKind.URBAN_GMINA: "Kierownik wydziału oświaty",
    JstKind.URBAN_RURAL_GMINA: "Kierownik referatu oświaty",
    JstKind.CITY_WITH_POWIAT_RIGHTS: "Dyrektor wydziału edukacji",
    JstKind.POWIAT: "Naczelnik wydziału edukacji",
    JstKind.VOIVODESHIP: "Dyrektor departamentu edukacji",
}
_OFFICIALS = ["Inspektor ds. oświaty", "Specjalista ds. finansowania oświaty", "Inspektor ds. kadr oświatowych"]
_SCHOOLS = {
    JstKind.POWIAT: ["Liceum Ogólnokształcące (demo)", "Zespół Szkół Zawodowych (demo)"],
    JstKind.VOIVODESHIP: ["Zespół Szkół Medycznych (demo)", "Kolegium Pracowników Służb Społecznych (demo)"],
    JstKind.CITY_WITH_POWIAT_RIGHTS: ["Szkoła Podstawowa nr 3 (demo)", "Technikum nr 2 (demo)"],
}
_GMINA_SCHOOLS = ["Szkoła Podstawowa nr 1 (demo)", "Przedszkole Samorządowe (demo)"]


@dataclass(frozen=True)
class Seat:
    kind: str
    position: str
    is_management: bool
    is_leader: bool = False
    school_name: str = ""


def team_seats(jst: LocalGovernment, size: int, max_directors: int) -> list[Seat]:
    """The team's places: the leader (head of the education office, management), a school director when the
    edition has them, another official, the head's deputy (management), then a second director or official."""
    schools = _SCHOOLS.get(jst.kind, _GMINA_SCHOOLS)
    director = [Seat(DIRECTOR, "Dyrektor", is_management=True, school_name=school) for school in schools]
    official = [Seat(OFFICIAL, name, is_management=False) for name in _OFFICIALS]
    order = [
        Seat(OFFICIAL, _LEADER[jst.kind], is_management=True, is_leader=True),
        director[0] if max_directors >= 1 else official[1],
        official[0],
        Seat(OFFICIAL, _HEAD[jst.kind], is_management=True),
        director[1] if max_directors >= 2 else official[2],
    ]
    return order[:size]


def _login_names() -> dict[str, str]:
    return {email: full_name for email, full_name, *_ in accounts.ACCOUNTS}


def build_team(
    edition: Edition, spec: JstSpec, jst: LocalGovernment, edition_key: str
) -> tuple[list[services.TeamMemberData], str]:
    """The team of ``spec`` and its leader's e-mail: printed demo logins take their seats first, the other seats
    get invented people."""
    allowed = edition.school_directors != Edition.SchoolDirectors.NOT_ALLOWED
    seats = team_seats(jst, spec.team_size, edition.school_directors_max if allowed else 0)
    logins = _login_names()
    people: dict[int, Person] = {}
    for email, is_leader, kind in spec.logins:
        index = next(
            i
            for i, seat in enumerate(seats)
            if i not in people and seat.is_leader == is_leader and (is_leader or seat.kind == kind)
        )
        people[index] = Person(logins[email], email)
    taken = {person.full_name for person in people.values()}
    for i in range(len(seats)):
        if i not in people:
            people[i] = invented_person(edition_key, jst.teryt, str(i), taken=taken, email_tag=jst.teryt)
            taken.add(people[i].full_name)
    team = [
        services.TeamMemberData(
            full_name=people[i].full_name,
            email=people[i].email,
            position=seat.position,
            kind=seat.kind,
            school_name=seat.school_name,
            is_management=seat.is_management,
        )
        for i, seat in enumerate(seats)
    ]
    leader = next(people[i].email for i, seat in enumerate(seats) if seat.is_leader)
    return team, leader


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PROGRAMME_TZ)


def milestones(edition: Edition) -> dict[str, datetime]:
    """When, in the edition's timetable, each step of a demo engagement happened."""
    events = list(edition.planned_events.order_by("starts_on"))
    opening = next((e for e in events if e.kind == PlannedEvent.Kind.OPENING_MEETING), None)
    closing = next((e for e in events if e.kind == PlannedEvent.Kind.CLOSING_MEETING), None)
    trainings = [e for e in events if e.kind == PlannedEvent.Kind.WORKSHOP_TRAINING]
    start, end = edition.period_start, edition.period_end
    span = (end - start).days

    def part(fraction: float) -> date:
        return start + timedelta(days=round(span * fraction))

    area = opening.ends_on if opening else part(0.05)
    plan = trainings[0].ends_on if trainings else part(0.3)
    directions = trainings[-1].ends_on if len(trainings) > 1 else part(0.5)
    summary = closing.starts_on - timedelta(days=3) if closing else part(0.9)
    return {
        "qualified": _at(edition.results_date),
        "advisors": _at(start),
        "area": _at(area),
        Stage.DIAGNOSIS: _at(area + timedelta(days=7)),
        Stage.PLAN: _at(plan),
        Stage.DIRECTIONS: _at(directions),
        Stage.IMPLEMENTATION: _at(directions + timedelta(days=7)),
        Stage.SUMMARY: _at(summary),
        Stage.COMPLETED: _at(closing.ends_on if closing else end, hour=16),
    }


class Backdate:
    """Moves the timeline entries written since the last call to a moment of the edition."""

    def __init__(self, engagement: Engagement):
        self.engagement = engagement
        self.mark = 0

    def _last(self) -> int:
        last = TimelineEntry.objects.filter(engagement=self.engagement).order_by("-pk").first()
        return last.pk if last else 0

    def to(self, when: datetime) -> None:
        TimelineEntry.objects.filter(engagement=self.engagement, pk__gt=self.mark).update(at=when)
        self.mark = self._last()


@dataclass
class Outcome:
    created: int = 0
    existing: int = 0
    warnings: list[str] = field(default_factory=list)
    stages: Counter = field(default_factory=Counter)


def accept_team_invitations(users, *, when: datetime) -> None:
    """The demo's team members took up their places: as if each had opened the invitation sent to their address
    (an account joins a team only through that link, never when the leader adds its address)."""
    for user in users:
        Invitation.objects.filter(
            email__iexact=user.email, organisation__isnull=True, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(accepted_at=when, accepted_by=user)
        services.link_accounts_to_team(user=user)


def ensure_engagement(
    *,
    edition: Edition,
    spec: JstSpec,
    jst: LocalGovernment,
    edition_key: str,
    staff: User,
    advisors: dict[str, User],
    areas: dict[str, Area],
    when: dict[str, datetime],
    outcome: Outcome,
) -> Engagement:
    team, leader_email = build_team(edition, spec, jst, edition_key)
    members = ensure_accounts([Person(m.full_name, m.email) for m in team])
    engagement = services.create_engagement(
        edition=edition, local_government=jst, team=team, leader_email=leader_email, by=staff
    )
    accept_team_invitations(members.values(), when=when["qualified"])
    backdate = Backdate(engagement)
    backdate.to(when["qualified"])
    Engagement.objects.filter(pk=engagement.pk).update(created_at=when["qualified"])
    TeamMember.objects.filter(engagement=engagement).update(joined_at=when["qualified"])

    pd_user, mg_user = advisors[spec.advisors[0]], advisors[spec.advisors[1]]
    services.set_advisor_pair(engagement=engagement, advisors={PD: pd_user, MG: mg_user}, by=staff)
    AdvisorAssignment.objects.filter(engagement=engagement).update(assigned_at=when["advisors"])
    backdate.to(when["advisors"])

    leader = members[leader_email]
    choices = [services.AreaChoice(area=areas[name], justification=DEMO_JUSTIFICATION) for name in spec.areas]
    services.choose_areas(engagement=engagement, choices=choices, by=leader)
    ChosenArea.objects.filter(engagement=engagement).update(chosen_at=when["area"])
    backdate.to(when["area"])
    if spec.stage == Stage.AREA:
        return engagement  # the choice waits for the advisors' confirmation

    # Confirming the area moves the engagement on to the needs diagnosis.
    confirmed_at = when[Stage.DIAGNOSIS]
    services.confirm_areas(engagement=engagement, by=pd_user)
    ChosenArea.objects.filter(engagement=engagement).update(confirmed_at=confirmed_at)
    backdate.to(confirmed_at)

    _write_diagnosis(engagement, spec, members, leader, when)
    backdate.to(when[Stage.DIAGNOSIS] + timedelta(days=14))
    position = next(m.position for m in team if m.email == leader_email)
    cast = demo_plans.Cast(leader=leader, position=position, personal_development=pd_user, management=mg_user)
    _advance(engagement, spec, cast, backdate, when, outcome)
    return engagement


def _write_diagnosis(
    engagement: Engagement, spec: JstSpec, members: dict[str, User], leader: User, when: dict[str, datetime]
) -> None:
    """The needs diagnosis and candidate priorities; from the HDR stage on, two priorities are chosen with goals
    (the HDR stage requires the diagnosis' conclusions and 1–3 chosen priorities)."""
    area_names = ", ".join(f"„{name}”" for name in spec.areas)
    assessment = diagnosis.ensure_assessment(engagement=engagement)
    values = {
        "strengths": "Przykład (demo): zaangażowani dyrektorzy szkół, dobra współpraca urzędu z radą.",
        "problems": f"Przykład (demo): w obszarze {area_names} brakuje wspólnych danych i ustalonych zasad działania.",
        "needs": "Przykład (demo): uporządkowanie procedur, regularna wymiana informacji ze szkołami.",
    }
    if engagement.edition.diagnosis_asks_post_pandemic_needs:
        values["post_pandemic_needs"] = (
            "Przykład (demo): wsparcie uczniów i nauczycieli po okresie nauki zdalnej, odbudowa relacji w szkołach."
        )
    diagnosis.save_findings(assessment=assessment, expected_version=assessment.version, values=values, by=leader)
    NeedsAssessment.objects.filter(pk=assessment.pk).update(updated_at=when[Stage.DIAGNOSIS] + timedelta(days=14))

    candidates = [item for name in spec.areas for item in PRIORITIES[name]][:3]
    priorities = [
        diagnosis.add_priority(
            engagement=engagement,
            title=title,
            description=DEMO_PRIORITY_NOTE,
            importance=5 - order,
            feasibility=4 - order % 2,
            by=leader,
        )
        for order, (title, _goal) in enumerate(candidates)
    ]
    engagement.priorities.update(created_at=when[Stage.DIAGNOSIS] + timedelta(days=14))
    if STAGE_ORDER.index(spec.stage) < STAGE_ORDER.index(Stage.PLAN):
        return
    goals = dict(candidates)
    diagnosis.select_priorities(
        engagement=engagement,
        choices=[
            diagnosis.PriorityChoice(
                priority_id=priority.pk,
                selected=order < 2,
                goal=goals[priority.title] if order < 2 else "",
                version=priority.version,
            )
            for order, priority in enumerate(priorities)
        ],
        by=leader,
    )


def _advance(
    engagement: Engagement,
    spec: JstSpec,
    cast: demo_plans.Cast,
    backdate: Backdate,
    when: dict[str, datetime],
    outcome: Outcome,
) -> None:
    """Step by step through ``advance_stage``, so every guard other apps register applies to the demo too; before
    a step, the demo writes what that step needs (the HDR before directions, the monitoring before the summary).

    If a guard still refuses (an app added a requirement the demo does not fill yet), the engagement stays where it
    is and the seed says so instead of failing; the demo tests assert that every target stage is reached."""
    target = STAGE_ORDER.index(spec.stage)
    while True:
        engagement.refresh_from_db(fields=["stage"])  # services move the stage on their own locked copy
        if engagement.stage_index >= target:
            break
        stage = STAGE_ORDER[engagement.stage_index + 1]
        _prepare(engagement, stage, cast, backdate, when)
        engagement.refresh_from_db(fields=["stage"])
        if engagement.stage_index >= STAGE_ORDER.index(stage):
            continue  # the preparation moved the engagement on (the second HDR approval does)
        try:
            services.advance_stage(engagement=engagement, to=stage, by=None)
        except ValidationError as error:
            message = (
                f"{engagement.local_government}: etap „{Stage(stage).label}” niedostępny ({'; '.join(error.messages)})"
            )
            logger.warning(message)
            outcome.warnings.append(message)
            return
        backdate.to(when[stage])
    if spec.stage == Stage.IMPLEMENTATION:
        at = when[Stage.IMPLEMENTATION] + timedelta(days=30)
        demo_plans.record_progress(engagement, cast, stage=spec.stage, at=at)
        backdate.to(at)


def _prepare(engagement: Engagement, stage: str, cast: demo_plans.Cast, backdate: Backdate, when) -> None:
    if stage == Stage.DIRECTIONS:
        submitted = when[Stage.DIRECTIONS] - timedelta(days=7)
        plan = demo_plans.submit_plan(engagement, cast, at=submitted)
        backdate.to(submitted)
        demo_plans.approve_plan(plan, cast, at=when[Stage.DIRECTIONS])
        backdate.to(when[Stage.DIRECTIONS])
    elif stage == Stage.SUMMARY:
        at = when[Stage.SUMMARY] - timedelta(days=1)
        demo_plans.record_progress(engagement, cast, stage=stage, at=at)
        backdate.to(at)
    elif stage == Stage.COMPLETED:
        publications_demo.write_summary(engagement, cast, at=when[Stage.COMPLETED])
        backdate.to(when[Stage.COMPLETED])


def seed(seeded_editions: dict[str, tuple[Edition, bool]]) -> dict[str, Outcome]:
    """Every cast in its edition; returns what was created per edition."""
    codes = {spec.teryt for cast in CASTS for spec in cast.jsts}
    register = LocalGovernment.objects.in_bulk(codes, field_name="teryt")
    outcomes = {}
    for cast in CASTS:
        edition, _created = seeded_editions[cast.edition_key]
        outcomes[cast.edition_key] = seed_cast(cast, edition, register)
    return outcomes


def seed_cast(cast: EditionCast, edition: Edition, register: dict[str, LocalGovernment]) -> Outcome:
    outcome = Outcome()
    present = set(edition.engagements.values_list("local_government__teryt", flat=True))
    missing = [spec for spec in cast.jsts if spec.teryt not in present]
    outcome.existing = len(cast.jsts) - len(missing)
    if not missing:
        return outcome
    organisation = Organisation.objects.get(slug=ADVISOR_ORGANISATION[cast.edition_key])
    logins = {email: Person(name, email) for email, name, *_ in accounts.ACCOUNTS}
    pair_emails = {email for spec in cast.jsts for email in spec.advisors}
    advisors = ensure_advisors(organisation, [logins[e] for e in pair_emails if e in logins] + list(cast.advisors))
    staff = editions.staff_user(next(s for s in editions.EDITIONS if s.key == cast.edition_key))
    areas = {area.name: area for area in Area.objects.filter(version=edition.catalogue_version)}
    when = milestones(edition)
    for spec in missing:
        jst = register.get(spec.teryt)
        if jst is None:
            message = f"brak JST o kodzie TERYT {spec.teryt} w rejestrze; pominięto"
            logger.warning(message)
            outcome.warnings.append(message)
            continue
        absent = [name for name in spec.areas if name not in areas]
        if absent:
            outcome.warnings.append(f"{jst}: brak obszaru w katalogu edycji ({', '.join(absent)}); pominięto")
            continue
        engagement = ensure_engagement(
            edition=edition,
            spec=spec,
            jst=jst,
            edition_key=cast.edition_key,
            staff=staff,
            advisors=advisors,
            areas=areas,
            when=when,
            outcome=outcome,
        )
        outcome.created += 1
        outcome.stages[engagement.stage] += 1
    if outcome.created:
        # The seed wrote accounts directly and moved dates: the audit history says so next to the services' entries.
        record(
            actor=None,
            action="demo.loaded",
            target=edition,
            changes={
                "engagements": outcome.created,
                "stages": dict(outcome.stages),
                "note": f"dane demonstracyjne {DEMO_MARK}: konta osób utworzone bez zaproszeń, daty zdarzeń "
                "przesunięte do kalendarza edycji",
            },
        )
    return outcome
