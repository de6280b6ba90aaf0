"""The demo's model feedback register: remarks of the pilot's participants in every state, and one accepted remark
implemented in a new published catalogue version whose change log lists it.

The sources say why the register exists ("Po weryfikacji (uwzględnieniu uwag uczestników) model doradztwa zostanie
wykorzystany w projektach konkursowych", ``000_*``) and give the open-space topics of the closing meeting
(``002_*``: "Jak zmienić system finansowania oświaty?"); the remarks themselves are invented and marked "(demo)".
Everything goes through the services (the publication's e-mail is dropped with the rest of the seed's queued
work). Idempotent: once the register has remarks, nothing is added.
"""

from apps.accounts.models import Membership, User
from apps.catalog import services as catalog_services
from apps.catalog.models import Area, CatalogVersion
from apps.catalog.selectors import current_version
from apps.feedback import services
from apps.feedback.models import Remark
from apps.programmes.models import Programme

Status = Remark.Status
DEMO = "(demo)"
COORDINATOR_EMAIL = "koordynator@demo.example"
BUDGET_AREA = "Planowanie budżetowe"


def _people() -> tuple[User, list[User]]:
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    members = list(User.objects.filter(team_memberships__isnull=False).distinct().order_by("pk")[:4])
    advisors = list(User.objects.filter(memberships__role=Membership.Role.ADVISOR).distinct().order_by("pk")[:2])
    people = members + advisors
    return coordinator, people or [coordinator]


def seed() -> str:
    if Remark.objects.exists():
        return "Rejestr uwag do modelu: bez zmian"
    version = current_version()
    if version is None or CatalogVersion.objects.filter(status=CatalogVersion.Status.DRAFT).exists():
        return "Rejestr uwag do modelu: pominięty (brak opublikowanego katalogu lub istnieje wersja robocza)"
    coordinator, people = _people()
    author = people[0]

    def person(i: int) -> User:
        return people[i % len(people)]

    budget = Area.objects.filter(version=version, name=BUDGET_AREA).first() or version.areas.first()
    programme = Programme.objects.filter(version=version).first()

    def submit(part, text, who, **kwargs):
        return services.submit_remark(part=part, text=f"{text} {DEMO}", author=who, **kwargs)

    submit("step:needs_assessment", "Diagnoza potrzeb wymaga więcej czasu niż przewiduje harmonogram.", person(1))
    analysing = submit("form:remote_advisory", "Doradztwo zdalne mogłoby mieć stałe dyżury doradców.", person(2))
    services.change_status(remark=analysing, by=coordinator, status=Status.ANALYSING)
    rejected = submit("model:model", "Model powinien obejmować także szkoły niepubliczne.", person(3))
    services.change_status(
        remark=rejected,
        by=coordinator,
        status=Status.REJECTED,
        note=f"Model dotyczy zadań organu prowadzącego szkoły publiczne; szkoły niepubliczne są poza zakresem {DEMO}.",
    )
    implemented = submit(
        f"area:{budget.key}",
        "W obszarze planowania budżetowego brakuje przykładu budżetu zadaniowego oświaty.",
        author,
    )
    duplicate = submit(f"area:{budget.key}", "Przydałby się wzór budżetu zadaniowego dla oświaty.", person(4))
    services.merge_remark(remark=duplicate, into=implemented, by=coordinator)
    note = f"Do opisu obszaru dodano przykład budżetu zadaniowego oświaty {DEMO}."
    services.change_status(remark=implemented, by=coordinator, status=Status.ACCEPTED, note=note)
    if programme is not None:
        accepted = submit(
            f"programme:{programme.key}",
            "Scenariusz o diagnozie mógłby zawierać gotową kartę pracy z danymi SIO.",
            person(5),
        )
        services.change_status(
            remark=accepted, by=coordinator, status=Status.ACCEPTED, note=f"Do uwzględnienia w kolejnej wersji {DEMO}."
        )
    services.submit_remark(
        part="template:hdr",
        text=f"Formularz HDR powinien mieć kolumnę na źródło finansowania działania. {DEMO}",
        source=Remark.Source.SURVEY,
        source_label=f"Ocena szkolenia warsztatowego {DEMO}",
    )
    open_space = services.submit_remark(
        part="model:model",
        text=f"Wniosek grupy: model powinien pomagać JST przygotować się do zmian w finansowaniu oświaty. {DEMO}",
        author=coordinator,
        source=Remark.Source.OPEN_SPACE,
        source_label="Open space: Jak zmienić system finansowania oświaty?",
    )
    services.change_status(remark=open_space, by=coordinator, status=Status.ANALYSING)

    draft = catalog_services.create_draft_version(by=coordinator)
    draft_area = Area.objects.get(version=draft, key=budget.key)
    catalog_services.update_area(
        area=draft_area,
        by=coordinator,
        description=(
            f"{draft_area.description} Przykład: budżet zadaniowy oświaty z podziałem na zadania i mierniki {DEMO}."
        ).strip(),
    )
    catalog_services.update_version(
        version=draft,
        by=coordinator,
        label=f"Po uwagach uczestników pilotażu {DEMO}",
        notes=f"Uwzględnia przyjęte uwagi z rejestru uwag do modelu {DEMO}.",
    )
    services.link_to_draft(remark=implemented, by=coordinator, version=draft)
    catalog_services.publish_version(version=draft, by=coordinator)
    return f"Rejestr uwag do modelu: nowe {Remark.objects.count()}; wersja katalogu {draft.number} z dziennikiem zmian"
