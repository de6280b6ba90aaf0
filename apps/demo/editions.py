"""The demo editions: ORE's closed 2019 pilot, ORE's 2022/2023 edition and a second organiser's own edition.

Facts taken from the sources (../shared/seeds/: Komunikat nr 1 of the pilot, the 2022 call, the pilot's closing
note, the Powiat Bolesławiecki note) are used as they are; everything the sources do not give (recruitment dates of
the pilot, event dates and places of 2022/2023, the whole second organiser) is invented and says so.
"""

from dataclasses import dataclass, field
from datetime import date

from apps.accounts.models import Organisation, User
from apps.editions import services
from apps.editions.models import Edition, PlannedEvent
from apps.territory.kinds import JstKind

from . import accounts

Kind = PlannedEvent.Kind

PROJECT = (
    "„Wsparcie kadry jednostek samorządu terytorialnego w zarządzaniu oświatą ukierunkowanym na rozwój szkół "
    "i kompetencji kluczowych uczniów – II etap”"
)


@dataclass(frozen=True)
class EventSpec:
    kind: str
    title: str
    starts_on: date
    ends_on: date
    place: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EditionSpec:
    key: str
    organiser_slug: str
    staff_email: str
    name: str
    values: dict
    events: tuple[EventSpec, ...] = field(default_factory=tuple)


# The pilot's venue is the one named in Komunikat nr 1: a real fact from the sources, so it is not marked demo.
PILOT_VENUE = "Hotel Holiday Park, ul. Heroldów 1B, 01-991 Warszawa"

PILOT_2019 = EditionSpec(
    key="pilot-2019",
    organiser_slug=accounts.ORE["slug"],
    staff_email="organizator@demo.example",
    name="Pilotaż modelu doradztwa 2019",
    values={
        "description": (
            f"Pilotaż modelu doradztwa dla JST w projekcie {PROJECT}, realizowanym przez Ośrodek Rozwoju Edukacji "
            "w partnerstwie ze Związkiem Miast Polskich. Celem była weryfikacja modelu: po uwzględnieniu uwag "
            "uczestników model wykorzystano w projektach konkursowych. W pilotażu wzięło udział 34 JST; zespoły "
            "liczyły 2–3 osoby, każda JST miała dwa spotkania doradcze w swojej siedzibie i doradztwo zdalne. "
            "Cztery JST przygotowały HDR obejmujące dwa obszary.\n\n"
            "Dane demonstracyjne: źródła nie podają listy uczestniczących JST. JST pochodzą z rejestru TERYT, "
            "ale ich udział, składy zespołów, doradcy i daty naboru są przykładowe. Liczby wybranych obszarów "
            "oraz terminy i miejsce spotkań są zgodne ze źródłami."
        ),
        "period_start": date(2019, 6, 1),
        "period_end": date(2019, 9, 30),
        "capacity": 34,
        "team_size_min": 2,
        "team_size_max": 3,
        # The pilot addressed JST officials ("samorządowcy"); school directors joined teams from 2022.
        "school_directors": Edition.SchoolDirectors.NOT_ALLOWED,
        "school_directors_min": 0,
        "school_directors_max": 0,
        "onsite_visits_count": 2,
        # June to September: the sources give no length for the pilot's remote advisory; this is its period.
        "remote_advisory_months": 4,
        "allows_two_areas": True,
        # Four workshop groups: rural, urban (with cities with powiat rights), powiaty, urban-rural gminy.
        "eligible_jst_kinds": [kind for kind in JstKind.values if kind != JstKind.VOIVODESHIP],
        "recruitment_opens_on": date(2019, 4, 1),
        "recruitment_deadline": date(2019, 4, 30),
        "results_date": date(2019, 5, 15),
    },
    events=(
        EventSpec(
            Kind.OPENING_MEETING,
            "Spotkanie rozpoczynające",
            date(2019, 6, 4),
            date(2019, 6, 5),
            PILOT_VENUE,
            "Sesje 90-minutowe prowadzone metodami interaktywnymi; szczegółowy program przesyłany 7 dni przed "
            "spotkaniem. Noclegi w pokojach 2-osobowych, wyżywienie i materiały zapewnia organizator.",
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING,
            "Pierwsze szkolenie warsztatowe",
            date(2019, 7, 1),
            date(2019, 7, 2),
            PILOT_VENUE,
            "Praca w czterech grupach warsztatowych: gminy wiejskie, gminy miejskie, powiaty, gminy miejsko-wiejskie.",
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING,
            "Drugie szkolenie warsztatowe",
            date(2019, 8, 27),
            date(2019, 8, 28),
            PILOT_VENUE,
            "Praca w czterech grupach warsztatowych: gminy wiejskie, gminy miejskie, powiaty, gminy miejsko-wiejskie.",
        ),
        EventSpec(
            Kind.CLOSING_MEETING,
            "Spotkanie podsumowujące",
            date(2019, 9, 23),
            date(2019, 9, 24),
            PILOT_VENUE,
            "Open space (targowisko tematów) z pracą w grupach moderowanych przez doradców, przygotowanie "
            "wdrożenia i prezentacje Harmonogramów Działań Rozwojowych.",
        ),
    ),
)

# Only Warsaw is known for 2022/2023 ("2 spotkania i 2 szkolenia stacjonarne, które odbędą się w Warszawie").
DEMO_VENUE_2022 = "Warszawa, hotel konferencyjny (demo)"
DEMO_DATE_NOTE = "Termin przykładowy (demo): źródła nie podają dat wydarzeń tej edycji."

ORE_2022 = EditionSpec(
    key="ore-2022",
    organiser_slug=accounts.ORE["slug"],
    staff_email="organizator@demo.example",
    name="Doradztwo dla JST 2022/2023",
    values={
        "description": (
            "Wsparcie samorządowców i dyrektorów szkół i placówek w realizacji zadań oświatowych po pandemii "
            "COVID-19 oraz podniesienie ich kompetencji w zakresie zarządzania oświatą ukierunkowanego na rozwój "
            f"szkół i kompetencji kluczowych uczniów. Doradztwo w projekcie {PROJECT}, współfinansowanym przez Unię "
            "Europejską ze środków Europejskiego Funduszu Społecznego (PO WER 2014–2020, Działanie 2.10).\n\n"
            "Zakwalifikowane JST otrzymują udział w dwóch spotkaniach informacyjno-konsultacyjnych i dwóch "
            "szkoleniach warsztatowych w Warszawie, trzy spotkania doradcze w siedzibie JST i 8 miesięcy "
            "doradztwa zdalnego. JST pokrywa tylko koszty dojazdu. Rekrutacja jest otwarta i jednoetapowa; "
            "decyduje data wpływu dokumentów.\n\n"
            "Dane demonstracyjne: z 20 zakwalifikowanych JST źródła wymieniają tylko Powiat bolesławiecki. "
            "Pozostałe JST, zespoły, doradcy, daty otwarcia naboru i wydarzeń oraz etapy pracy JST są przykładowe."
        ),
        "period_start": date(2022, 9, 1),
        "period_end": date(2023, 4, 30),
        "capacity": 20,
        "team_size_min": 3,
        "team_size_max": 5,
        # "W skład zespołów wchodzi zarówno kadra JST (np. 2 osoby), jak i dyrektorzy ... (np. 1 osoba)."
        "school_directors": Edition.SchoolDirectors.REQUIRED,
        "school_directors_min": 1,
        "school_directors_max": 2,
        "onsite_visits_count": 3,
        "remote_advisory_months": 8,
        "allows_two_areas": False,
        # "dokonanie diagnozy potrzeb JST po okresie pandemii koronawirusa COVID-19 oraz nauki zdalnej"
        "diagnosis_asks_post_pandemic_needs": True,
        "recruitment_opens_on": date(2022, 6, 24),
        "recruitment_deadline": date(2022, 7, 25),
        "results_date": date(2022, 7, 29),
        "contact_name": "Zespół Doradztwa dla JST (demo)",
        "contact_email": "doradztwo-jst@demo.example",
    },
    events=(
        EventSpec(
            Kind.OPENING_MEETING,
            "Spotkanie otwierające",
            date(2022, 9, 26),
            date(2022, 9, 27),
            DEMO_VENUE_2022,
            DEMO_DATE_NOTE,
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING,
            "Pierwsze szkolenie warsztatowe",
            date(2022, 11, 21),
            date(2022, 11, 22),
            DEMO_VENUE_2022,
            DEMO_DATE_NOTE,
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING,
            "Drugie szkolenie warsztatowe",
            date(2023, 1, 23),
            date(2023, 1, 24),
            DEMO_VENUE_2022,
            DEMO_DATE_NOTE,
        ),
        EventSpec(
            Kind.CLOSING_MEETING,
            "Spotkanie podsumowujące",
            date(2023, 4, 24),
            date(2023, 4, 25),
            DEMO_VENUE_2022,
            DEMO_DATE_NOTE,
        ),
    ),
)

DEMO_VENUE_FRS = "Kraków, centrum konferencyjne (demo)"

# Entirely invented: a competition-project beneficiary running the model on its own.
FRS_2024 = EditionSpec(
    key="frs-2024",
    organiser_slug=accounts.BENEFICIARY["slug"],
    staff_email="organizator2@demo.example",
    name="Doradztwo dla JST – projekt konkursowy 2024/2025 (demo)",
    values={
        "description": (
            "Edycja demonstracyjna innego organizatora (beneficjenta projektu konkursowego), realizowana według "
            "modelu doradztwa dla JST. Wszystkie dane tej edycji są przykładowe; pokazuje ona, że organizatorzy "
            "nie widzą nawzajem swoich edycji ani kart JST."
        ),
        "period_start": date(2024, 10, 1),
        "period_end": date(2025, 6, 30),
        "capacity": 10,
        "team_size_min": 3,
        "team_size_max": 5,
        "school_directors": Edition.SchoolDirectors.ALLOWED,
        "school_directors_min": 0,
        "school_directors_max": 1,
        "onsite_visits_count": 3,
        "remote_advisory_months": 8,
        "allows_two_areas": False,
        "recruitment_opens_on": date(2024, 7, 1),
        "recruitment_deadline": date(2024, 8, 30),
        "results_date": date(2024, 9, 13),
        "contact_name": "Oskar Organizator (demo)",
        "contact_email": "organizator2@demo.example",
    },
    events=(
        EventSpec(
            Kind.OPENING_MEETING, "Spotkanie otwierające", date(2024, 10, 14), date(2024, 10, 15), DEMO_VENUE_FRS
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING, "Szkolenie warsztatowe I", date(2024, 12, 2), date(2024, 12, 3), DEMO_VENUE_FRS
        ),
        EventSpec(
            Kind.WORKSHOP_TRAINING, "Szkolenie warsztatowe II", date(2025, 3, 10), date(2025, 3, 11), DEMO_VENUE_FRS
        ),
        EventSpec(
            Kind.CLOSING_MEETING, "Spotkanie podsumowujące", date(2025, 6, 16), date(2025, 6, 17), DEMO_VENUE_FRS
        ),
    ),
)

EDITIONS = (PILOT_2019, ORE_2022, FRS_2024)


def staff_user(spec: EditionSpec) -> User:
    return User.objects.get(email=spec.staff_email)


def ensure_edition(spec: EditionSpec) -> tuple[Edition, bool]:
    """The edition of ``spec``, created with its timetable and published on the first run; left alone afterwards
    (an organiser may have edited it in the demo, and the seed never undoes that)."""
    organiser = Organisation.objects.get(slug=spec.organiser_slug)
    edition = Edition.objects.filter(organiser=organiser, name=spec.name).first()
    if edition is not None:
        return edition, False
    by = staff_user(spec)
    edition = services.create_edition(organiser=organiser, by=by, name=spec.name, **spec.values)
    for event in spec.events:
        services.create_event(
            edition=edition,
            by=by,
            kind=event.kind,
            title=event.title,
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            place=event.place,
            notes=event.notes,
        )
    services.publish_edition(edition=edition, by=by)
    edition.refresh_from_db()
    return edition, True


def seed() -> dict[str, tuple[Edition, bool]]:
    return {spec.key: ensure_edition(spec) for spec in EDITIONS}
