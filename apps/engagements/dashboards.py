"""Reads behind the dashboards: the team's next steps, the advisor's JSTs and what waits for them, and the
organiser's JSTs × stages matrix and areas table of an edition. Each runs a fixed number of queries whatever the
number of engagements (tests in tests/test_dashboards.py, measured at 1,000 engagements)."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from apps.accounts.models import User
from apps.catalog.models import Area

from .access import engagement_access
from .hooks import Perspective, Viewer, WaitingItem, waiting_items
from .models import STAGE_ORDER, AdvisorAssignment, ChosenArea, Engagement, Stage
from .selectors import with_progress
from .tracker import TrackerStep, current_step

PAGE_SIZE = 100


@dataclass
class TeamCard:
    engagement: Engagement
    step: TrackerStep | None


def team_overview(user) -> list[TeamCard]:
    """The JSTs the person works on as a team member, each with its current stage and next step."""
    access = engagement_access(user)
    if not access.member_of:
        return []
    engagements = with_progress(Engagement.objects.filter(pk__in=access.member_of, withdrawn_at__isnull=True)).order_by(
        "-edition__period_start", "local_government__display_name"
    )
    return [
        TeamCard(
            engagement=e,
            step=current_step(e, Viewer(user=user, perspective=Perspective.TEAM, is_leader=e.pk in access.leader_of)),
        )
        for e in engagements
    ]


@dataclass
class AdvisorDashboard:
    page: Page
    total: int
    waiting: list[WaitingItem] = field(default_factory=list)
    overdue: list[WaitingItem] = field(default_factory=list)
    stage_counts: list[tuple[str, int]] = field(default_factory=list)


def advisor_dashboard(user, *, page: int | str = 1) -> AdvisorDashboard | None:
    """The advisor's JSTs (paged), what waits for them and what is overdue, across all their engagements."""
    access = engagement_access(user)
    if not access.advisor_of:
        return None
    engagements = Engagement.objects.filter(pk__in=access.advisor_of, withdrawn_at__isnull=True)
    counts = dict(engagements.order_by().values_list("stage").annotate(n=Count("pk")))
    rows = (
        engagements.select_related("edition", "local_government")
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .order_by("local_government__display_name", "pk")
    )
    paginator = Paginator(rows, PAGE_SIZE)
    current = paginator.get_page(page)
    # Waiting items cover all the advisor's JSTs, not only the page shown: light objects, one query.
    everything = list(engagements.select_related("edition", "local_government"))
    items = sorted(waiting_items(user, everything), key=lambda item: (str(item.since or ""), item.text))
    for engagement in current.object_list:
        mine = [a for a in engagement.advisor_assignments.all() if a.user_id == user.pk]
        engagement.my_role = mine[0].get_role_display() if mine else ""
        engagement.partner = next((a for a in engagement.advisor_assignments.all() if a.user_id != user.pk), None)
    return AdvisorDashboard(
        page=current,
        total=paginator.count,
        waiting=[item for item in items if not item.overdue],
        overdue=[item for item in items if item.overdue],
        stage_counts=[(str(label), counts.get(value, 0)) for value, label in Stage.choices],
    )


@dataclass
class MatrixRow:
    engagement: Engagement
    states: list[str]
    advisors: list[AdvisorAssignment]


@dataclass
class StageMatrix:
    stages: list[tuple[str, str]]
    counts: list[int]
    total: int
    page: Page
    rows: list[MatrixRow]
    advisors: list[User]


def _matrix_states(stage_index: int) -> list[str]:
    return ["done" if i < stage_index else "current" if i == stage_index else "" for i in range(len(STAGE_ORDER))]


def stage_matrix(edition, *, workshop_group: str = "", advisor_id: int | None = None, page=1) -> StageMatrix:
    """The edition's JSTs × stages, filtered by workshop group and advisor, with the count of JSTs per stage."""
    engagements = edition.engagements.filter(withdrawn_at__isnull=True)
    if workshop_group:
        engagements = engagements.filter(workshop_group=workshop_group)
    if advisor_id:
        engagements = engagements.filter(advisor_assignments__user_id=advisor_id)
    counts = dict(engagements.order_by().values_list("stage").annotate(n=Count("pk")))
    rows = (
        engagements.select_related("local_government")
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .order_by("local_government__display_name", "pk")
    )
    paginator = Paginator(rows, PAGE_SIZE)
    current = paginator.get_page(page)
    # One state list per stage index, shared by all rows at that stage: 1,000 rows build 7 lists, not 1,000.
    states = [_matrix_states(i) for i in range(len(STAGE_ORDER))]
    return StageMatrix(
        stages=list(Stage.choices),
        counts=[counts.get(value, 0) for value in STAGE_ORDER],
        total=sum(counts.values()),
        page=current,
        rows=[
            MatrixRow(
                engagement=e, states=states[STAGE_ORDER.index(e.stage)], advisors=list(e.advisor_assignments.all())
            )
            for e in current.object_list
        ],
        advisors=list(
            User.objects.filter(advisor_assignments__engagement__edition=edition)
            .distinct()
            .order_by("full_name", "email")
        ),
    )


@dataclass
class AreaRow:
    area: Area
    count: int
    unconfirmed: int


@dataclass
class AreasTable:
    rows: list[AreaRow]
    engagements: int
    with_area: int
    with_two_areas: int
    choices: int


def areas_table(edition) -> AreasTable:
    """How many of the edition's JSTs chose each area; a JST with two areas counts in each of them."""
    engagements = edition.engagements.filter(withdrawn_at__isnull=True)
    chosen = ChosenArea.objects.filter(engagement__in=engagements)
    per_area = {
        row["area_id"]: row
        for row in chosen.order_by()
        .values("area_id")
        .annotate(n=Count("engagement_id", distinct=True), unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)))
    }
    # Every area of the edition's catalogue version (also those nobody chose), plus any chosen area outside it.
    areas = list(Area.objects.filter(Q(version_id=edition.catalogue_version_id) | Q(pk__in=list(per_area))))
    rows = [
        AreaRow(
            area=a, count=per_area.get(a.pk, {}).get("n", 0), unconfirmed=per_area.get(a.pk, {}).get("unconfirmed", 0)
        )
        for a in areas
    ]
    rows.sort(key=lambda r: (-r.count, r.area.order, r.area.name))
    per_engagement = list(
        chosen.order_by().values("engagement_id").annotate(n=Count("area_id")).values_list("n", flat=True)
    )
    return AreasTable(
        rows=rows,
        engagements=engagements.count(),
        with_area=len(per_engagement),
        with_two_areas=sum(1 for n in per_engagement if n >= 2),
        choices=sum(per_engagement),
    )


def editions_for_organiser(user) -> QuerySet:
    """The editions whose JSTs the organiser's staff (or the coordinator) follow, with their JST counts."""
    from apps.editions.selectors import editions_visible_to

    return (
        editions_visible_to(user)
        .select_related("organiser")
        .annotate(engagement_count=Count("engagements", filter=Q(engagements__withdrawn_at__isnull=True)))
        .order_by("-period_start", "name")
    )


def advisor_assignment_page(edition, *, page=1) -> Page:
    """A page of the edition's JSTs with their current advisor pairs, for the organiser's bulk assignment."""
    rows = (
        edition.engagements.filter(withdrawn_at__isnull=True)
        .select_related("local_government")
        .prefetch_related("advisor_assignments")
        .order_by("local_government__display_name", "pk")
    )
    return Paginator(rows, PAGE_SIZE).get_page(page)
