"""National-scale data for ``make bench`` (``manage.py seed_scale``): two editions of two organisers, a large one
(1,000 engagements from the TERYT register) and one a tenth of its size, so that the benchmark can show how each
page grows with the edition.

Everything is written with ``bulk_create`` (a few dozen statements per thousand rows), not through the services:
the point is the shape and the amount of data the pages read, not the workflow, and the services' e-mails, audit
and guards would make it a matter of tens of minutes. The register and the catalogue are the ones ``seed_demo``
loads. Invented people use ``@skala.example`` addresses. The seed writes only into a database without other
editions (``ensure_empty_or_scale``), so it never mixes with demo or real data.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import Membership, Organisation, User
from apps.catalog.models import Area, CatalogVersion, ManagementSolution
from apps.editions.models import Edition
from apps.engagements.models import (
    AdvisorAssignment,
    ChosenArea,
    DevelopmentPriority,
    Engagement,
    NeedsAssessment,
    Stage,
    TeamMember,
    TimelineEntry,
)
from apps.plans.models import DevelopmentPlan, PlanComment, PlannedAction, PlanRisk, PlanVersion
from apps.recruitment.kinds import head_titles_for
from apps.recruitment.models import Application, ApplicationTeamMember, Call
from apps.territory.kinds import workshop_group_for
from apps.territory.models import LocalGovernment

from . import (
    reference,
    scale_advising,
    scale_events,
    scale_feedback,
    scale_messaging,
    scale_monitoring,
    scale_openspace,
    scale_publications,
    scale_statistics,
    scale_surveys,
)

DOMAIN = "skala.example"
PD = AdvisorAssignment.Role.PERSONAL_DEVELOPMENT
MG = AdvisorAssignment.Role.MANAGEMENT
BATCH = 2000
# Engagements by creation order: the HDR of 40 actions and the karta JST / HDR of 20 the bench opens (both
# implementing an approved plan, see ``_stage``).
LONG_PLAN_INDEX = 3
SAMPLE_INDEX = 4


@dataclass(frozen=True)
class Size:
    """How big one edition of the bench is."""

    engagements: int = 1000
    advisors: int = 60
    actions: int = 20
    applications: int = 1000
    # One engagement's HDR has twice the actions (the "HDR of 40 actions" page).
    long_plan_actions: int = 40

    def tenth(self) -> "Size":
        return Size(
            engagements=max(SAMPLE_INDEX + 1, self.engagements // 10),
            advisors=max(2, self.advisors // 10),
            actions=self.actions,
            applications=max(2, self.applications // 10),
            long_plan_actions=self.long_plan_actions,
        )


@dataclass(frozen=True)
class EditionKey:
    key: str  # "large" / "small"
    slug: str
    organisation_slug: str


LARGE = EditionKey("large", "skala-duza-edycja", "skala-duzy")
SMALL = EditionKey("small", "skala-mala-edycja", "skala-maly")
KEYS = (LARGE, SMALL)

LOADTEST_SLUG = "skala-nabor-obciazenie"


def email(key: EditionKey, who: str) -> str:
    return f"{who}.{key.key}@{DOMAIN}"


class NotABenchDatabase(RuntimeError):
    pass


def ensure_empty_or_scale() -> bool:
    """True when the scale data is already there; refuses a database that holds other editions (demo or real)."""
    slugs = set(Edition.objects.values_list("slug", flat=True))
    ours = {k.slug for k in KEYS}
    if {s for s in slugs - ours - {LOADTEST_SLUG} if not s.startswith(scale_statistics.SLUG_PREFIX)}:
        raise NotABenchDatabase(
            "This database holds other editions; seed_scale writes only into its own database "
            "(config.settings.bench: var/bench.sqlite3 or DATABASE_URL of an empty database)."
        )
    return ours <= slugs


def build(size: Size = Size(), *, log=lambda text: None) -> dict[str, Edition]:
    """The register, the catalogue and both editions; returns them by key."""
    if ensure_empty_or_scale():
        log("dane skali już są w bazie: bez zmian")
        return {k.key: Edition.objects.get(slug=k.slug) for k in KEYS}
    log(reference.ensure_register())
    log(reference.ensure_catalog())
    jsts = list(LocalGovernment.objects.filter(is_active=True).select_related("voivodeship").order_by("teryt"))
    small = size.tenth()
    if len(jsts) < size.engagements + small.engagements:
        raise RuntimeError(f"The register has {len(jsts)} JSTs, fewer than {size.engagements + small.engagements}.")
    # JSTs are spread over the whole register (every voivodeship and kind), the small edition gets other ones.
    step = len(jsts) / (size.engagements + small.engagements)
    spread = [jsts[int(i * step)] for i in range(size.engagements + small.engagements)]
    editions = {}
    with transaction.atomic():
        editions["large"] = _edition(LARGE, size, spread[: size.engagements], log=log)
        editions["small"] = _edition(SMALL, small, spread[size.engagements :], log=log)
        scale_events.build(editions, log=log)
        scale_publications.build(editions, log=log)
        scale_feedback.build(log=log)
        scale_surveys.build(editions, log=log)
        _admin()
        scale_openspace.build(editions, log=log)
        scale_monitoring.build(editions, log=log)
        scale_statistics.build(editions, log=log)  # last: its snapshots copy what the others built
    return editions


def _admin() -> None:
    User.objects.update_or_create(
        email=f"admin@{DOMAIN}",
        defaults={"full_name": "Administrator (skala)", "is_staff": True, "is_superuser": True, "password": "!"},
    )


def _users(specs: list[tuple[str, str]]) -> list[User]:
    """Accounts without a usable password (the bench signs in with ``force_login``)."""
    return User.objects.bulk_create(
        [User(email=address, full_name=name, password="!") for address, name in specs], batch_size=BATCH
    )


def _months(start: date, count: int) -> list[date]:
    months, year, month = [], start.year, start.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _edition(key: EditionKey, size: Size, jsts: list[LocalGovernment], *, log) -> Edition:
    today = timezone.localdate()
    now = timezone.now()
    organisation = Organisation.objects.create(
        name=f"Organizator skali ({key.key})", short_name=f"SKALA-{key.key.upper()}", slug=key.organisation_slug
    )
    catalogue = CatalogVersion.objects.order_by("number").first()
    period_start = date(today.year, today.month, 1) - timedelta(days=150)
    period_start = date(period_start.year, period_start.month, 1)
    edition = Edition.objects.create(
        organiser=organisation,
        catalogue_version=catalogue,
        name=f"Edycja skali ({key.key}: {size.engagements} JST)",
        slug=key.slug,
        status=Edition.Status.PUBLISHED,
        published_at=now - timedelta(days=400),
        recruitment_opens_on=today - timedelta(days=300),
        recruitment_deadline=today - timedelta(days=240),
        results_date=today - timedelta(days=230),
        period_start=period_start,
        period_end=period_start + timedelta(days=540),
        capacity=size.engagements,
        team_size_min=3,
        team_size_max=5,
        onsite_visits_count=3,
        remote_advisory_months=8,
    )
    staff, *advisors = _users(
        [(email(key, "organizator"), f"Organizator ({key.key})")]
        + [(email(key, f"doradca{i:03d}"), f"Doradca {i:03d} (skala)") for i in range(size.advisors)]
    )
    Membership.objects.bulk_create(
        [Membership(user=staff, organisation=organisation, role=Membership.Role.STAFF)]
        + [Membership(user=a, organisation=organisation, role=Membership.Role.ADVISOR) for a in advisors]
    )
    call = Call.objects.create(edition=edition, results_published_at=now - timedelta(days=229))
    call.results_published_by = staff
    call.save(update_fields=["results_published_by"])
    engagements = _engagements(edition, size, jsts, advisors)
    scale_messaging.build(engagements[SAMPLE_INDEX])
    scale_advising.add(edition, engagements)
    _applications(edition, size, jsts, engagements)
    log(
        f"{edition.name}: karty JST {len(engagements)}, członkowie zespołów "
        f"{TeamMember.objects.filter(engagement__edition=edition).count()}, doradcy {len(advisors)}, "
        f"działania HDR {PlannedAction.objects.filter(plan__engagement__edition=edition).count()}, "
        f"zgłoszenia {edition.applications.count()}"
    )
    return edition


# Stages by position: a tenth still drafting the HDR, two tenths in review, the rest implementing it.
def _stage(i: int) -> tuple[str, str]:
    slot = i % 10
    if slot == 0:
        return Stage.PLAN, DevelopmentPlan.Status.DRAFT
    if slot in (1, 2):
        return Stage.PLAN, DevelopmentPlan.Status.IN_REVIEW
    return Stage.IMPLEMENTATION, DevelopmentPlan.Status.APPROVED


def _engagements(edition: Edition, size: Size, jsts, advisors) -> list[Engagement]:
    overrides = edition.workshop_group_overrides
    stages = [_stage(i) for i in range(len(jsts))]
    engagements = Engagement.objects.bulk_create(
        [
            Engagement(
                edition=edition,
                local_government=jst,
                workshop_group=workshop_group_for(jst.kind, overrides),
                stage=stages[i][0],
            )
            for i, jst in enumerate(jsts)
        ],
        batch_size=BATCH,
    )
    # Teams of 3, 3 and 4 (3.33 on average: 3,333 people for 1,000 JSTs); the first person leads.
    team_sizes = [4 if i % 3 == 2 else 3 for i in range(len(engagements))]
    people = _users(
        [
            (f"zespol.{edition.pk}.{e.pk}.{n}@{DOMAIN}", f"Osoba {n + 1} {e.local_government.name} (skala)")
            for e, team in zip(engagements, team_sizes, strict=True)
            for n in range(team)
        ]
    )
    members, cursor = [], 0
    for engagement, team in zip(engagements, team_sizes, strict=True):
        for n in range(team):
            user = people[cursor]
            cursor += 1
            members.append(
                TeamMember(
                    engagement=engagement,
                    user=user,
                    full_name=user.full_name,
                    email=user.email,
                    position="Naczelnik wydziału edukacji" if n == 0 else "Inspektor ds. oświaty",
                    kind=TeamMember.Kind.SCHOOL_DIRECTOR if n == 2 else TeamMember.Kind.OFFICIAL,
                    school_name="Szkoła Podstawowa nr 1 (skala)" if n == 2 else "",
                    is_leader=n == 0,
                    is_management=n in (0, 2),
                )
            )
    TeamMember.objects.bulk_create(members, batch_size=BATCH)
    # Pairs from the advisor pool: engagement i has advisors i and i+1 (mod the pool), so every advisor has the
    # same number of JSTs (2 × engagements / advisors), half in each role.
    n_adv = len(advisors)
    AdvisorAssignment.objects.bulk_create(
        [
            AdvisorAssignment(engagement=e, user=advisors[(i * 2 + offset) % n_adv], role=role)
            for i, e in enumerate(engagements)
            for offset, role in ((0, PD), (1, MG))
        ],
        batch_size=BATCH,
    )
    areas = list(Area.objects.filter(version=edition.catalogue_version).order_by("order", "pk"))
    solutions = {s.area_id: s for s in ManagementSolution.objects.filter(area__in=areas).order_by("-pk")}
    chosen_at = timezone.now() - timedelta(days=140)
    ChosenArea.objects.bulk_create(
        [
            ChosenArea(
                engagement=e,
                area=areas[i % len(areas)],
                justification="Uzasadnienie (skala).",
                confirmed_at=chosen_at,
            )
            for i, e in enumerate(engagements)
        ],
        batch_size=BATCH,
    )
    NeedsAssessment.objects.bulk_create(
        [
            NeedsAssessment(
                engagement=e,
                strengths="Zaangażowani dyrektorzy (skala).",
                problems="Brak wspólnych danych (skala).",
                needs="Uporządkowanie procedur (skala).",
            )
            for e in engagements
        ],
        batch_size=BATCH,
    )
    priorities = DevelopmentPriority.objects.bulk_create(
        [
            DevelopmentPriority(
                engagement=e,
                title=f"Priorytet {n + 1}",
                description="Opis priorytetu (skala).",
                importance=5 - n,
                feasibility=4 - n % 2,
                is_selected=n < 2,
                goal=f"Cel priorytetu {n + 1}" if n < 2 else "",
                order=n,
            )
            for e in engagements
            for n in range(3)
        ],
        batch_size=BATCH,
    )
    selected = {}
    for priority in priorities:
        if priority.is_selected:
            selected.setdefault(priority.engagement_id, []).append(priority)
    months = _months(edition.period_start, 18)
    plans = DevelopmentPlan.objects.bulk_create(
        [
            DevelopmentPlan(
                engagement=e,
                status=stages[i][1],
                period_start=months[0],
                period_end=months[-1],
                directions="Kierunki wdrożenia (skala)." if stages[i][1] == DevelopmentPlan.Status.APPROVED else "",
            )
            for i, e in enumerate(engagements)
        ],
        batch_size=BATCH,
    )
    leaders = {m.engagement_id: m for m in members if m.is_leader}
    actions = []
    for i, (engagement, plan) in enumerate(zip(engagements, plans, strict=True)):
        count = size.long_plan_actions if i == LONG_PLAN_INDEX else size.actions
        area = areas[i % len(areas)]
        implementing = plan.status == DevelopmentPlan.Status.APPROVED
        for n in range(count):
            start = months[(n * 3) % 12]
            actions.append(
                PlannedAction(
                    plan=plan,
                    priority=selected[engagement.pk][n % 2],
                    title=f"Działanie {n + 1}: spotkania z dyrektorami szkół",
                    description="Opis działania (skala).",
                    responsible="Wydział Edukacji",
                    responsible_member=leaders[engagement.pk],
                    start_month=start,
                    end_month=months[min(len(months) - 1, months.index(start) + 3)],
                    resources="Sala, materiały",
                    cost="18500.00" if n % 2 else None,
                    funding_source="Budżet JST" if n % 2 else "",
                    solution=solutions.get(area.pk) if n % 3 == 0 else None,
                    solution_text="" if n % 3 == 0 and area.pk in solutions else "Własne narzędzie (skala)",
                    expected_result="Rezultat (skala).",
                    indicator_name="Liczba spotkań",
                    indicator_unit="count",
                    indicator_baseline="0",
                    indicator_target="10",
                    monitoring_method="Sprawozdanie kwartalne",
                    order=n,
                    status=PlannedAction.Status.IN_PROGRESS if implementing and n % 2 else PlannedAction.Status.PLANNED,
                    progress=(n * 7) % 100 if implementing else 0,
                )
            )
    PlannedAction.objects.bulk_create(actions, batch_size=BATCH)
    PlanRisk.objects.bulk_create(
        [
            PlanRisk(plan=p, risk=f"Ryzyko {n + 1} (skala)", mitigation="Sposób reagowania (skala).", order=n)
            for p in plans
            for n in range(2)
        ],
        batch_size=BATCH,
    )
    _versions(plans)
    _timeline(engagements)
    return engagements


def _versions(plans: list[DevelopmentPlan]) -> None:
    """A frozen version for every plan in review or approved; all hold the snapshot of the first such plan (the
    pages benchmarked read the working copy; a version page only needs a well-formed snapshot)."""
    from apps.plans import selectors as plan_selectors
    from apps.plans.snapshot import build_snapshot

    frozen = [p for p in plans if p.status != DevelopmentPlan.Status.DRAFT]
    if not frozen:
        return
    model = plan_selectors.plan_with_header(frozen[0].pk)
    contents = plan_selectors.plan_contents(model)
    snapshot = build_snapshot(
        model, priorities=contents["priorities"], actions=contents["actions"], risks=contents["risks"]
    )
    decided = timezone.now() - timedelta(days=60)
    versions = PlanVersion.objects.bulk_create(
        [
            PlanVersion(
                plan=p,
                number=1,
                status=PlanVersion.Status.APPROVED
                if p.status == DevelopmentPlan.Status.APPROVED
                else PlanVersion.Status.IN_REVIEW,
                snapshot=snapshot,
                decided_at=decided if p.status == DevelopmentPlan.Status.APPROVED else None,
            )
            for p in frozen
        ],
        batch_size=BATCH,
    )
    for plan, version in zip(frozen, versions, strict=True):
        if plan.status == DevelopmentPlan.Status.APPROVED:
            plan.approved_version = version
    DevelopmentPlan.objects.bulk_update(
        [p for p in frozen if p.status == DevelopmentPlan.Status.APPROVED], ["approved_version"], batch_size=BATCH
    )
    PlanComment.objects.bulk_create(
        [
            PlanComment(plan=p, version=v, section=PlanComment.Section.RISKS, author_label="Doradca", text="Uwaga")
            for p, v in zip(frozen, versions, strict=True)
            if p.status == DevelopmentPlan.Status.IN_REVIEW
        ],
        batch_size=BATCH,
    )


def _timeline(engagements: list[Engagement]) -> None:
    TimelineEntry.objects.bulk_create(
        [
            TimelineEntry(engagement=e, actor_label="Organizator (skala)", kind=kind, text=text)
            for e in engagements
            for kind, text in (
                ("created", "Utworzono kartę JST."),
                ("advisors", "Przydzielono parę doradców."),
                ("area", "Wybrano obszar."),
                ("stage", "Etap: diagnoza potrzeb."),
                ("stage", "Etap: HDR."),
            )
        ],
        batch_size=BATCH,
    )


def _applications(edition: Edition, size: Size, jsts, engagements) -> None:
    """Applications of the call: 80 % qualified (linked to their engagement), 10 % on the ranked reserve list,
    10 % rejected; each with a team of three."""
    count = min(size.applications, len(jsts))
    applicants = _users([(f"zglaszajacy.{edition.pk}.{i}@{DOMAIN}", f"Zgłaszający {i} (skala)") for i in range(count)])
    submitted = timezone.now() - timedelta(days=250)
    decided = timezone.now() - timedelta(days=231)
    rows, reserve = [], 0
    for i in range(count):
        jst = jsts[i]
        slot = i % 10
        status = (
            Application.Status.QUALIFIED
            if slot < 8
            else Application.Status.RESERVE
            if slot == 8
            else Application.Status.REJECTED
        )
        reserve += status == Application.Status.RESERVE
        rows.append(
            Application(
                edition=edition,
                local_government=jst,
                applicant=applicants[i],
                status=status,
                address_street="ul. Rynek 1",
                address_postal_code="00-001",
                address_city=jst.name[:100],
                head_title=head_titles_for(jst.kind)[0],
                head_name="Anna Nowak (skala)",
                contact_name=applicants[i].full_name,
                contact_email=applicants[i].email,
                contact_phone="+48 600 100 200",
                motivation="Motywacja (skala).",
                submitted_at=submitted,
                documents_received=3,
                documents_complete_on=submitted.date(),
                reserve_rank=reserve if status == Application.Status.RESERVE else None,
                decision_reason="" if status == Application.Status.QUALIFIED else "Uzasadnienie decyzji (skala).",
                decided_at=decided,
                engagement=engagements[i] if status == Application.Status.QUALIFIED and i < len(engagements) else None,
                notified_status=status,
                notified_at=decided,
            )
        )
    applications = Application.objects.bulk_create(rows, batch_size=BATCH)
    ApplicationTeamMember.objects.bulk_create(
        [
            ApplicationTeamMember(
                application=a,
                order=n + 1,
                full_name=f"Osoba {n + 1} (skala)",
                position="Naczelnik wydziału edukacji",
                email=f"app.{a.pk}.{n}@{DOMAIN}",
                phone="+48 600 100 200",
                is_leader=n == 0,
                is_management=n == 1,
            )
            for a in applications
            for n in range(3)
        ],
        batch_size=BATCH,
    )
    areas = list(Area.objects.filter(version=edition.catalogue_version).order_by("order", "pk"))
    through = Application.areas.through
    through.objects.bulk_create(
        [through(application_id=a.pk, area_id=areas[i % len(areas)].pk) for i, a in enumerate(applications)],
        batch_size=BATCH,
    )
