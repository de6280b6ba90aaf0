"""The demo's programme library: the six training-and-advisory programmes the sources name (two audiences: the
JST's management staff and its operational staff doing education tasks, × three levels: rural gminy, urban gminy,
powiaty; ``003_*``: "opracowanie 6 programów szkoleniowo-doradczych ... w podziale na dwie grupy adresatów ... przy
uwzględnieniu poziomu jednostki"), each with three session scenarios.

The sources give the programmes' structure (scope, forms and methods, exercises, at least three scenarios,
delivery standards, PO KL/POWER products, guidance and trainers' competences) and the 90-minute interactive
sessions (Komunikat nr 1), not their texts: every text below is invented and marked "(demo)". The programmes
belong to the published catalogue version the demo editions use (loaded like the initial catalogue, since a
published version is otherwise frozen). Idempotent: once that version has programmes, nothing is added.
"""

from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import current_version
from apps.programmes.models import Audience, EuProduct, JstLevel, Programme, Scenario

DEMO = "(demo)"
LEVEL_TEXT = {
    JstLevel.RURAL_GMINY: (
        "gminy wiejskie",
        "Sieć małych szkół, dowozy uczniów, łączenie klas, współpraca z sąsiednimi gminami przy doskonaleniu "
        "nauczycieli.",
    ),
    JstLevel.URBAN_GMINY: (
        "gminy miejskie",
        "Duża sieć szkół i przedszkoli, wydział edukacji w urzędzie, rejonizacja, konkurencja szkół o uczniów.",
    ),
    JstLevel.POWIATY: (
        "powiaty",
        "Szkoły ponadpodstawowe i kształcenie zawodowe, praktyczna nauka zawodu, poradnie, placówki specjalne.",
    ),
}
AUDIENCE_TEXT = {
    Audience.MANAGEMENT: (
        "kadry kierowniczej JST",
        "Decyzje o kierunku zmian, polityka oświatowa, planowanie budżetu zadań oświatowych, rola dyrektora "
        "szkoły i relacje z organem prowadzącym.",
        "Przywództwo w lokalnej polityce oświatowej; podejmowanie decyzji opartych na danych; komunikacja ze "
        "szkołami i radą.",
    ),
    Audience.OPERATIONAL: (
        "pracowników operacyjnych realizujących zadania oświatowe",
        "Analiza danych o oświacie (SIO, wyniki egzaminów), monitorowanie jakości usług, przygotowanie "
        "materiałów do decyzji, dotacje i sprawozdawczość.",
        "Analiza i prezentacja danych; praca projektowa; współpraca w zespole i dzielenie się wiedzą.",
    ),
}
SCENARIOS = [
    (
        "Diagnoza stanu lokalnej oświaty",
        "Uczestnicy wskazują mocne i słabe strony lokalnego systemu oświaty na podstawie danych swojej JST.",
        "Miniprezentacja (15 min), praca w zespołach JST nad danymi (45 min), prezentacje i dyskusja (30 min).",
    ),
    (
        "Priorytety rozwojowe i Harmonogram Działań Rozwojowych",
        "Uczestnicy wybierają priorytety i zapisują pierwsze działania HDR z terminami i odpowiedzialnymi.",
        "Wprowadzenie (10 min), warsztat w zespołach (50 min), wymiana doświadczeń między JST (30 min).",
    ),
    (
        "Współpraca z dyrektorami szkół w procesie wspomagania",
        "Uczestnicy planują sposób włączenia dyrektorów w realizację priorytetów.",
        "Coaching grupowy (40 min), symulacja spotkania z dyrektorami (35 min), podsumowanie (15 min).",
    ),
]
PRODUCTS = [
    (
        EuProduct.Source.POKL,
        "System doskonalenia nauczycieli oparty na ogólnodostępnym kompleksowym wspomaganiu szkół: materiały",
        "https://www.ore.edu.pl/",
    ),
    (
        EuProduct.Source.POWER,
        "Publikacje opisujące 12 obszarów zarządzania oświatą (projekt „Wsparcie kadry JST...”)",
        "https://www.ore.edu.pl/",
    ),
]


def _programme_values(audience: str, level: str, order: int) -> dict:
    level_name, level_specifics = LEVEL_TEXT[level]
    audience_name, audience_scope, competences = AUDIENCE_TEXT[audience]
    return {
        "title": f"Program szkoleniowo-doradczy dla {audience_name}: {level_name}",
        "summary": f"Podniesienie kompetencji {audience_name} w zarządzaniu oświatą ukierunkowanym na rozwój szkół "
        f"i kompetencji kluczowych uczniów {DEMO}.",
        "scope_universal": f"{audience_scope} {DEMO}",
        "scope_specific": f"{level_specifics} {DEMO}",
        "competences": f"{competences} {DEMO}",
        "forms_and_methods": "90-minutowe sesje z metodami interaktywnymi: wykłady, miniprezentacje, coaching "
        f"grupowy, dyskusja i wymiana doświadczeń, warsztaty praktyczne {DEMO}.",
        "exercises": "Analiza danych własnej JST; mapa interesariuszy; projekt jednego działania HDR z "
        f"harmonogramem i wskaźnikiem {DEMO}.",
        "delivery_standards": "Grupy do 25 osób w podziale na typ JST; zespoły 2–3 osób z jednej JST; materiały "
        f"dostępne cyfrowo; ankieta ewaluacyjna po każdym szkoleniu {DEMO}.",
        "guidance": "Zaczynać od danych uczestników, nie od teorii; łączyć szkolenie z doradztwem w siedzibie JST "
        f"{DEMO}.",
        "trainer_competences": "Doświadczenie samorządowe w zadaniach oświatowych oraz w doradztwie i coachingu "
        f"indywidualnym i grupowym {DEMO}.",
        "order": order,
    }


def seed(version: CatalogVersion | None = None) -> str:
    version = version or current_version()
    if version is None:
        return "Programy szkoleniowo-doradcze: brak opublikowanego katalogu"
    if Programme.objects.filter(version=version).exists():
        return "Programy szkoleniowo-doradcze: bez zmian"
    order = 0
    for audience in Audience.values:
        for level in JstLevel.values:
            order += 1
            programme = Programme.objects.create(
                version=version,
                audience=audience,
                jst_level=level,
                is_published=True,
                **_programme_values(audience, level, order),
            )
            Scenario.objects.bulk_create(
                Scenario(
                    programme=programme,
                    number=number,
                    title=f"{title} {DEMO}",
                    duration_minutes=90,
                    goals=f"{goals} {DEMO}",
                    course=f"{course} {DEMO}",
                    methods=f"Praca w zespołach JST, dyskusja moderowana {DEMO}.",
                    materials=f"Dane JST, karta pracy, flipchart {DEMO}.",
                )
                for number, (title, goals, course) in enumerate(SCENARIOS, start=1)
            )
            EuProduct.objects.bulk_create(
                EuProduct(
                    programme=programme,
                    source=source,
                    title=title,
                    url=url,
                    how_used=f"Materiał do pracy własnej uczestników przed sesją {DEMO}.",
                    order=i,
                )
                for i, (source, title, url) in enumerate(PRODUCTS, start=1)
            )
    return f"Programy szkoleniowo-doradcze: nowe {order} (po 3 scenariusze)"
