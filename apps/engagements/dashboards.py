"""Reads behind the dashboards: the team's next steps, the advisor's JSTs and what waits for them, and the
organiser's JSTs × stages matrix and areas table of an edition. Each runs a fixed number of queries whatever the
number of engagements (tests in tests/test_dashboards.py, measured at 1,000 engagements)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.catalog.models import Area
from apps.core.links import per_object_url
from apps.territory.models import LocalGovernment
from apps.territory.selectors import matching

from .access import engagement_access
from .hooks import Perspective, Viewer, WaitingItem, waiting_items
from .models import STAGE_ORDER, AdvisorAssignment, ChosenArea, Engagement, Stage, TimelineEntry
from .selectors import with_progress
from .tracker import TrackerStep, current_steps

PAGE_SIZE = 50


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
    engagements = list(engagements)
    viewers = {
        e.pk: Viewer(user=user, perspective=Perspective.TEAM, is_leader=e.pk in access.leader_of) for e in engagements
    }
    steps = current_steps(engagements, viewers)
    return [TeamCard(engagement=e, step=steps[e.pk]) for e in engagements]


# A long list of waiting items is cut here on the page (the counts stay complete).
WAITING_SHOWN = 50


@dataclass
class Waiting:
    item: WaitingItem
    jst: str


@dataclass
class AdvisorDashboard:
    page: Page
    total: int
    waiting: list[Waiting] = field(default_factory=list)
    overdue: list[Waiting] = field(default_factory=list)
    waiting_count: int = 0
    overdue_count: int = 0
    stage_counts: list[tuple[str, int]] = field(default_factory=list)
    listed: int = 0  # the JSTs the search and filter leave (all of them without one)
    filtered: bool = False

    @property
    def on_time_count(self) -> int:
        return self.waiting_count - self.overdue_count


def _waiting_for(user, engagements: QuerySet) -> tuple[list[Waiting], list[Waiting], int, int]:
    """Every app's waiting items for these engagements, oldest first; the JST names only for the items shown.

    The waiting count is every item, overdue ones included: an overdue item still waits for the advisor, so the
    page never says "nothing waits" above one (issue 9, item 12)."""
    items = sorted(waiting_items(user, engagements.only("pk")), key=lambda i: (str(i.since or ""), i.engagement_id))
    waiting = [i for i in items if not i.overdue]
    overdue = [i for i in items if i.overdue]
    shown = waiting[:WAITING_SHOWN] + overdue[:WAITING_SHOWN]
    names = dict(
        Engagement.objects.filter(pk__in={i.engagement_id for i in shown}).values_list(
            "pk", "local_government__display_name"
        )
    )
    return (
        [Waiting(i, names.get(i.engagement_id, "")) for i in waiting[:WAITING_SHOWN]],
        [Waiting(i, names.get(i.engagement_id, "")) for i in overdue[:WAITING_SHOWN]],
        len(items),
        len(overdue),
    )


def _paginator(rows: QuerySet, *, total: int) -> Paginator:
    """A paginator that knows its total from the per-stage counts already fetched (one query less)."""
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = total  # overrides the cached_property
    return paginator


@dataclass(frozen=True)
class AdvisorRow:
    """One line of the advisor's table, prepared here so the template only prints strings."""

    pk: int
    jst: str
    url: str
    edition: str
    stage: str
    my_role: str
    partner: str


def _advisor_row(engagement: Engagement, user, url: Callable[[int], str]) -> AdvisorRow:
    assignments = list(engagement.advisor_assignments.all())
    mine = next((a for a in assignments if a.user_id == user.pk), None)
    partner = next((a for a in assignments if a.user_id != user.pk), None)
    return AdvisorRow(
        pk=engagement.pk,
        jst=engagement.local_government.display_name,
        url=url(engagement.pk),
        edition=engagement.edition.name,
        stage=engagement.get_stage_display(),
        my_role=mine.get_role_display() if mine else "",
        partner=(partner.user.full_name or partner.user.email) if partner else "",
    )


ADVISOR_SORTS = {
    "jst": ("local_government__display_name", "pk"),
    "-etap": ("-stage_rank", "local_government__display_name", "pk"),
    "etap": ("stage_rank", "local_government__display_name", "pk"),
    "edycja": ("-edition__period_start", "local_government__display_name", "pk"),
}


def advisor_dashboard(
    user, *, page: int | str = 1, query: str = "", stage: str = "", sort: str = "jst"
) -> AdvisorDashboard | None:
    """The advisor's JSTs (paged; searched by name, filtered by stage, sorted), what waits for them and what is
    overdue, across all their engagements (the waiting items and stage counts ignore the search)."""
    access = engagement_access(user)
    if not access.advisor_of:
        return None
    # A join on the assignment, not ``pk__in`` the cached ids: a list of 1,000 ids costs more to bind than to run.
    engagements = Engagement.objects.filter(advisor_assignments__user=user, withdrawn_at__isnull=True)
    counts = dict(engagements.order_by().values_list("stage").annotate(n=Count("pk")))
    listed = engagements
    if query.strip():
        listed = listed.filter(local_government__in=matching(LocalGovernment.objects.all(), query))
    if stage in STAGE_ORDER:
        listed = listed.filter(stage=stage)
    rows = (
        listed.select_related("edition", "local_government")
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .annotate(stage_rank=_stage_rank())
        .order_by(*ADVISOR_SORTS.get(sort, ADVISOR_SORTS["jst"]))
    )
    filtered = bool(query.strip() or stage in STAGE_ORDER)
    paginator = _paginator(rows, total=rows.count() if filtered else sum(counts.values()))
    current = paginator.get_page(page)
    # Waiting items cover all the advisor's JSTs, not only the page shown.
    waiting, overdue, waiting_count, overdue_count = _waiting_for(user, engagements)
    url = per_object_url("engagements:detail")
    current.object_list = [_advisor_row(e, user, url) for e in current.object_list]
    return AdvisorDashboard(
        page=current,
        total=sum(counts.values()),
        listed=paginator.count,
        filtered=filtered,
        waiting=waiting,
        overdue=overdue,
        waiting_count=waiting_count,
        overdue_count=overdue_count,
        stage_counts=[(str(label), counts.get(value, 0)) for value, label in Stage.choices],
    )


@dataclass
class MatrixRow:
    engagement: Engagement
    states: list[str]
    advisors: str  # the pair's names, joined once here rather than in the template's inner loop
    days_at_stage: int | None = None
    stuck: bool = False


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


MATRIX_SORTS = {
    "jst": ("local_government__display_name", "pk"),
    "-jst": ("-local_government__display_name", "-pk"),
    "etap": ("stage_rank", "local_government__display_name", "pk"),
    "-etap": ("-stage_rank", "local_government__display_name", "pk"),
    "najdluzej": ("stage_since", "local_government__display_name", "pk"),
}


def stage_matrix(
    edition,
    *,
    workshop_group: str = "",
    advisor_id: int | None = None,
    query: str = "",
    stage: str = "",
    stuck_only: bool = False,
    sort: str = "jst",
    page=1,
) -> StageMatrix:
    """The edition's JSTs × stages, searched by name, filtered by workshop group, advisor, stage and "stuck" (at
    the same stage longer than ``STUCK_AFTER_DAYS``), sorted; with the count of JSTs per stage."""
    engagements = with_stage_since(edition.engagements.filter(withdrawn_at__isnull=True))
    if workshop_group:
        engagements = engagements.filter(workshop_group=workshop_group)
    if advisor_id:
        engagements = engagements.filter(advisor_assignments__user_id=advisor_id)
    if query.strip():
        engagements = engagements.filter(local_government__in=matching(LocalGovernment.objects.all(), query))
    stuck_before = timezone.now() - timedelta(days=settings.STUCK_AFTER_DAYS)
    if stuck_only:
        engagements = _stuck(engagements, stuck_before)
    # The per-stage counts follow the filters but not the stage filter itself, so they stay a map of the edition.
    counts = dict(engagements.order_by().values_list("stage").annotate(n=Count("pk")))
    if stage in STAGE_ORDER:
        engagements = engagements.filter(stage=stage)
    rows = (
        engagements.select_related("local_government")
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .annotate(stage_rank=_stage_rank())
        .order_by(*MATRIX_SORTS.get(sort, MATRIX_SORTS["jst"]))
    )
    paginator = _paginator(rows, total=counts.get(stage, 0) if stage in STAGE_ORDER else sum(counts.values()))
    current = paginator.get_page(page)
    # One state list per stage index, shared by all rows at that stage: 1,000 rows build 7 lists, not 1,000.
    states = [_matrix_states(i) for i in range(len(STAGE_ORDER))]
    today = timezone.now()
    return StageMatrix(
        stages=list(Stage.choices),
        counts=[counts.get(value, 0) for value in STAGE_ORDER],
        total=sum(counts.values()),
        page=current,
        rows=[
            MatrixRow(
                engagement=e,
                states=states[STAGE_ORDER.index(e.stage)],
                advisors=", ".join(a.user.full_name or a.user.email for a in e.advisor_assignments.all()),
                days_at_stage=(today - e.stage_since).days if e.stage_since else None,
                stuck=bool(e.stage_since and e.stage_since < stuck_before and e.stage != STAGE_ORDER[-1]),
            )
            for e in current.object_list
        ],
        advisors=list(
            User.objects.filter(advisor_assignments__engagement__edition=edition)
            .distinct()
            .order_by("full_name", "email")
        ),
    )


def _stuck(engagements: QuerySet, since) -> QuerySet:
    return engagements.filter(stage_since__lt=since).exclude(stage=STAGE_ORDER[-1])


def stuck_engagements(edition, *, since) -> QuerySet:
    """The edition's JSTs at the same stage since before ``since`` (not completed): the matrix's "stuck" filter."""
    return _stuck(with_stage_since(edition.engagements.filter(withdrawn_at__isnull=True)), since)


def _stage_rank() -> Case:
    return Case(*[When(stage=value, then=Value(i)) for i, value in enumerate(STAGE_ORDER)], output_field=IntegerField())


def with_stage_since(engagements: QuerySet) -> QuerySet:
    """Annotate when each engagement reached its current stage: its last stage change, else when it was opened."""
    last_change = TimelineEntry.objects.filter(engagement=OuterRef("pk"), kind="stage").order_by("-at").values("at")[:1]
    return engagements.annotate(stage_since=Coalesce(Subquery(last_change), F("created_at")))


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
        .prefetch_related(Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")))
        .order_by("local_government__display_name", "pk")
    )
    return Paginator(rows, PAGE_SIZE).get_page(page)


# The engagement's dashboard cards (registered in ``hooks.py``): the team's next steps, the advisor's waiting work,
# the organiser's way to the editions' JSTs.


def team_cards(user) -> list[dict]:
    detail_url = per_object_url("engagements:detail")
    cards = []
    for card in team_overview(user):
        text = _("Etap: %(stage)s.") % {"stage": card.engagement.get_stage_display()}
        if card.step and card.step.next_step:
            text += " " + _("Co dalej: %(step)s") % {"step": card.step.next_step}
        cards.append(
            {
                "title": _("Karta JST: %(jst)s") % {"jst": card.engagement.local_government.display_name},
                "text": text,
                "url": detail_url(card.engagement.pk),
            }
        )
    return cards


def advisor_cards(user) -> list[dict]:
    engagements = Engagement.objects.filter(advisor_assignments__user=user, withdrawn_at__isnull=True)
    _waiting, _overdue, waiting_count, overdue_count = _waiting_for(user, engagements)
    return [
        {
            "title": _("JST pod moją opieką"),
            "text": _("JST: %(n)s. Czeka na Ciebie: %(waiting)s, w tym po terminie: %(overdue)s.")
            % {"n": engagements.count(), "waiting": waiting_count, "overdue": overdue_count},
            "url": reverse("engagements:mine"),
        }
    ]


def organiser_cards(user) -> list[dict]:
    return [
        {
            "title": _("Karty JST w edycjach"),
            "text": _("JST i etapy cyklu, obszary wybrane przez JST, pary doradców."),
            "url": reverse("engagements:mine"),
        }
    ]
