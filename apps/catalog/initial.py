"""Version 1 of the catalogue, written from the programme's published sources (see ../shared/seeds/).

The sources confirm ten area names (the areas chosen by JSTs in the 2019 pilot); the other two of the twelve
areas, and the official list of management solutions (appendix 4 of the 2022 rules), are not published in
anything we have. Solutions whose description starts with "Przykład" are plausible examples written for the
platform; the others come from topics the participants raised at the pilot's closing meeting or from the
programme's own descriptions. The coordinator corrects all of this in the next catalogue version.

This is data, stored in the database and not translated.
"""

from .models import CycleStep, ManagementSolution, SummaryForm, SupportForm

SOLUTION = ManagementSolution.Kind.SOLUTION
TOOL = ManagementSolution.Kind.TOOL
FROM_PILOT = "Temat zgłoszony przez samorządowców na spotkaniu podsumowującym pilotaż (wrzesień 2019)."

VERSION_LABEL = "Katalog wyjściowy"
VERSION_NOTES = (
    "Pierwsza wersja katalogu na platformie: 10 obszarów potwierdzonych w źródłach (obszary wybrane przez JST "
    "w pilotażu 2019). Źródła mówią o 12 obszarach; brakujące obszary i pełny wykaz rozwiązań zarządczych "
    "(załącznik nr 4 do Regulaminu) koordynator uzupełnia w kolejnej wersji. Rozwiązania opisane jako "
    "„Przykład” zostały przygotowane na potrzeby platformy."
)

# (name, description, [(solution name, kind, description), ...]) in the order of the 2019 pilot's choices.
AREAS: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    (
        "Zarządzanie oświatą na poziomie organu prowadzącego",
        "Organizacja pracy urzędu w zakresie zadań oświatowych: struktura, podział zadań, obieg informacji, "
        "polityka kadrowa wobec szkół i placówek.",
        [
            (
                "Struktura organizacyjna komórki ds. oświaty w urzędzie",
                SOLUTION,
                "Jaka struktura organizacyjna organu prowadzącego pozwala dobrze zarządzać oświatą. " + FROM_PILOT,
            ),
            (
                "Weryfikacja danych w SIO przez JST",
                TOOL,
                "Sprawdzanie danych szkół w Systemie Informacji Oświatowej przed naliczeniem subwencji. " + FROM_PILOT,
            ),
            (
                "Regulamin wynagradzania nauczycieli (dodatek motywacyjny)",
                SOLUTION,
                "Zasady przyznawania dodatku motywacyjnego i jego wysokości. " + FROM_PILOT,
            ),
        ],
    ),
    (
        "Organizacja wsparcia uczniów szczególnie uzdolnionych",
        "Tworzenie w JST warunków do rozwoju uczniów szczególnie uzdolnionych: programy, zajęcia, nagrody, "
        "współpraca szkół z partnerami.",
        [
            (
                "Lokalny program wspierania uczniów szczególnie uzdolnionych",
                SOLUTION,
                "Przykład: program przyjęty uchwałą, z celami, formami wsparcia i sposobem oceny efektów.",
            ),
            (
                "Regulamin stypendiów i nagród samorządu dla uczniów",
                SOLUTION,
                "Przykład: zasady przyznawania stypendiów za wyniki w nauce i osiągnięcia.",
            ),
            (
                "Mapa zajęć rozwijających i partnerów",
                TOOL,
                "Przykład: zestawienie zajęć rozwijających uzdolnienia w szkołach i u partnerów (uczelnie, "
                "organizacje, domy kultury).",
            ),
        ],
    ),
    (
        "Planowanie budżetowe",
        "Planowanie wydatków na oświatę i alokacja środków na zadania szkół z uwzględnieniem potrzeb "
        "i możliwości uczniów.",
        [
            (
                "Analiza finansowania oświaty w JST",
                TOOL,
                "Porównanie subwencji oświatowej z wydatkami; kierunki zmian systemu finansowania. " + FROM_PILOT,
            ),
            (
                "Arkusz organizacyjny jako podstawa planu finansowego szkoły",
                TOOL,
                "Przykład: powiązanie zatwierdzania arkuszy organizacyjnych z planowaniem budżetu.",
            ),
            (
                "Wieloletnia prognoza kosztów sieci szkół",
                SOLUTION,
                "Przykład: prognoza liczby uczniów, oddziałów i kosztów na kilka lat naprzód.",
            ),
        ],
    ),
    (
        "Monitorowanie jakości usług edukacyjnych",
        "Zbieranie i wykorzystywanie informacji o jakości pracy szkół do podejmowania decyzji przez organ prowadzący.",
        [
            (
                "Zestaw wskaźników jakości lokalnej oświaty",
                TOOL,
                "Przykład: kilka wskaźników (wyniki, frekwencja, warunki nauki) zbieranych co roku.",
            ),
            (
                "Analiza wyników egzaminów zewnętrznych w JST",
                TOOL,
                "Przykład: porównanie wyników szkół w czasie i z innymi JST, wnioski dla polityki oświatowej.",
            ),
            (
                "Informacja o stanie realizacji zadań oświatowych jako narzędzie zarządzania",
                SOLUTION,
                "Przykład: coroczna informacja przygotowana tak, by służyła decyzjom, a nie tylko sprawozdaniu.",
            ),
        ],
    ),
    (
        "Analizowanie potrzeb i planowanie realizacji założonej wizji rozwoju lokalnego systemu oświaty",
        "Diagnoza stanu lokalnej oświaty i planowanie jej rozwoju zgodnie z przyjętą wizją.",
        [
            (
                "Diagnoza stanu lokalnej oświaty",
                TOOL,
                "Temat zajęć przygotowywanych w programach szkoleniowo-doradczych modelu.",
            ),
            (
                "Lokalna strategia rozwoju oświaty",
                SOLUTION,
                "Przykład: dokument z wizją, celami i harmonogramem, przygotowany z dyrektorami i rodzicami.",
            ),
            (
                "Współpraca z pracodawcami w kształceniu zawodowym",
                SOLUTION,
                "Praktyczna nauka zawodu: skąd wziąć specjalistów. " + FROM_PILOT,
            ),
        ],
    ),
    (
        "Rola dyrektora i relacje z organem prowadzącym",
        "Podział zadań i odpowiedzialności między dyrektora a organ prowadzący; komunikacja i współpraca.",
        [
            (
                "Zwiększanie samodzielności dyrektora jako menedżera szkoły",
                SOLUTION,
                "Co zrobić, żeby dyrektor był bardziej samodzielnym menedżerem szkoły. " + FROM_PILOT,
            ),
            (
                "Stałe spotkania dyrektorów z organem prowadzącym",
                SOLUTION,
                "Przykład: kalendarz spotkań i wspólne ustalanie priorytetów na rok szkolny.",
            ),
        ],
    ),
    (
        "Udział rodziców w planowaniu, realizacji i ocenie usług edukacyjnych",
        "Włączanie rodziców w planowanie i ocenę pracy szkół prowadzonych przez JST.",
        [
            (
                "Badanie opinii rodziców o usługach edukacyjnych",
                TOOL,
                "Przykład: krótka ankieta prowadzona co roku we wszystkich szkołach JST.",
            ),
            (
                "Forum rad rodziców przy organie prowadzącym",
                SOLUTION,
                "Przykład: regularne spotkania przedstawicieli rad rodziców z organem prowadzącym.",
            ),
        ],
    ),
    (
        "System wspomagania szkół – doskonalenie nauczycieli",
        "Organizacja i finansowanie doskonalenia zawodowego nauczycieli oraz wspomagania pracy szkół.",
        [
            (
                "Plan dofinansowania doskonalenia zawodowego nauczycieli",
                SOLUTION,
                "Finansowanie doskonalenia nauczycieli powiązane z potrzebami szkół; temat prac zespołu "
                "ekspertów modelu.",
            ),
            (
                "Rola dyrektora w procesie wspomagania szkoły",
                SOLUTION,
                "Temat zajęć przygotowywanych w programach szkoleniowo-doradczych modelu.",
            ),
            (
                "Sieci współpracy i samokształcenia nauczycieli",
                SOLUTION,
                "Przykład: sieci nauczycieli z kilku szkół JST, moderowane przez placówkę doskonalenia.",
            ),
        ],
    ),
    (
        "Gospodarowanie zasobami materialnymi systemu oświaty",
        "Utrzymanie i rozwój bazy szkolnej: budynki, wyposażenie, inwestycje i remonty.",
        [
            (
                "Przegląd stanu bazy szkolnej",
                TOOL,
                "Przykład: zestawienie stanu budynków i wyposażenia, podstawa planu remontów.",
            ),
            (
                "Plan inwestycji i remontów w placówkach oświatowych",
                SOLUTION,
                "Przykład: wieloletni plan z kryteriami kolejności.",
            ),
        ],
    ),
    (
        "Organizacja wsparcia uczniów niepełnosprawnych oraz uczniów z trudnościami w nauce",
        "Organizacja kształcenia specjalnego, pomocy psychologiczno-pedagogicznej i wsparcia uczniów "
        "z trudnościami w nauce.",
        [
            (
                "Koordynacja pomocy psychologiczno-pedagogicznej w szkołach JST",
                SOLUTION,
                "Przykład: wspólne zasady i zespół koordynujący specjalistów w szkołach.",
            ),
            (
                "Organizacja dowozu uczniów niepełnosprawnych",
                SOLUTION,
                "Przykład: zasady organizacji i zwrotu kosztów dowozu.",
            ),
            (
                "Mapa specjalistów i usług wspierających",
                TOOL,
                "Przykład: wykaz specjalistów, poradni i usług dostępnych w JST.",
            ),
        ],
    ),
]

# (code, name, description, duration in days or None)
SUPPORT_FORMS = [
    (
        SupportForm.Code.OPENING_MEETING,
        "Spotkanie informacyjno-konsultacyjne otwierające",
        "Dwudniowe spotkanie rozpoczynające edycję: informacje o modelu i pełnym cyklu doradztwa, poznanie "
        "doradców, pierwsza praca zespołów JST.",
        2,
    ),
    (
        SupportForm.Code.WORKSHOP_TRAINING,
        "Szkolenie warsztatowe",
        "Dwudniowe szkolenie w czterech grupach warsztatowych według typu JST, w 90-minutowych sesjach "
        "metodami interaktywnymi (wykład, miniprezentacja, coaching grupowy, dyskusja i wymiana doświadczeń, "
        "warsztat praktyczny). Tematy łączą potrzeby programu z potrzebami zgłoszonymi przez uczestników: "
        "zadania oświatowe JST (kompetencje zawodowe i organizacyjne) oraz kompetencje miękkie (społeczne "
        "i menedżerskie). Szczegółowy program uczestnicy dostają 7 dni przed spotkaniem.",
        2,
    ),
    (
        SupportForm.Code.ONSITE_ADVISORY,
        "Spotkanie doradcze w siedzibie JST",
        "Dwudniowe spotkanie pary doradców z zespołem JST w siedzibie jednostki; terminy uzgadniają doradcy "
        "z kierownikiem JST. Liczbę spotkań ustala edycja (2 w pilotażu 2019, 3 w edycji 2022/2023).",
        2,
    ),
    (
        SupportForm.Code.REMOTE_ADVISORY,
        "Doradztwo zdalne",
        "Wsparcie pary doradców online między spotkaniami i szkoleniami, także w formie spotkań on-line. "
        "Czas trwania ustala edycja (8 miesięcy w edycji 2022/2023).",
        None,
    ),
    (
        SupportForm.Code.CLOSING_MEETING,
        "Spotkanie informacyjno-konsultacyjne podsumowujące",
        "Dwudniowe spotkanie kończące edycję: wymiana doświadczeń w formule open space (targowisko tematów), "
        "przygotowanie wdrożenia i prezentacje Harmonogramów Działań Rozwojowych.",
        2,
    ),
]

CYCLE_STEPS = [
    (
        CycleStep.Code.AREA_CHOICE,
        "Wybór obszaru wsparcia",
        "JST wybiera obszar (zadanie organu prowadzącego), który sprawia jej największe trudności; edycja może "
        "dopuścić pracę nad dwoma obszarami.",
    ),
    (
        CycleStep.Code.NEEDS_ASSESSMENT,
        "Diagnoza potrzeb i wybór priorytetów rozwojowych",
        "Zespół JST z doradcami diagnozuje potrzeby w wybranym obszarze i wybiera priorytety rozwojowe.",
    ),
    (
        CycleStep.Code.DEVELOPMENT_PLAN,
        "Harmonogram Działań Rozwojowych (HDR)",
        "Opracowanie harmonogramu działań rozwojowych dla wybranego obszaru.",
    ),
    (
        CycleStep.Code.IMPLEMENTATION,
        "Kierunki wdrożenia i wdrożenie",
        "Wyznaczenie kierunków wdrożenia oraz wybór i wdrożenie narzędzi i rozwiązań zarządczych zgodnie "
        "z harmonogramem.",
    ),
    (
        CycleStep.Code.SUMMARY,
        "Podsumowanie",
        "JST przekazuje organizatorowi podsumowanie przebiegu doradztwa i osiągniętych rezultatów w jednej "
        "z form podsumowania.",
    ),
]

SUMMARY_FORMS = [
    (
        SummaryForm.Code.GOOD_PRACTICE,
        "Opis dobrej praktyki samorządowej",
        "Opis rozwiązania wdrożonego przez JST, które mogą wykorzystać inne samorządy.",
    ),
    (
        SummaryForm.Code.REFLECTION_STUDY,
        "Studium refleksji",
        "Podsumowanie procesu w oparciu o etapy dyskusji zogniskowanej.",
    ),
    (
        SummaryForm.Code.MINI_REPORTAGE,
        "Minireportaż z wywiadem",
        "Krótki reportaż z przebiegu zmian w JST, uzupełniony wywiadem z jego uczestnikami.",
    ),
]
