"""The bench runner behind ``manage.py bench``: every page registered in ``apps.core.bench.BENCH`` (each app's
``bench.py``) is requested in-process with Django's test client, signed in as the actor the case names, on the
large and on the small edition of ``seed_scale``. For each page: the median server time of many runs, the query
count, the size of the answer, the time as a multiple of the framework floor (a minimal view rendering a small
template, measured in the same run with the same signed-in client) and the growth from the small edition to the
large one.
"""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

from apps.accounts.models import User
from apps.core.bench import BENCH, BenchCase
from apps.core.testing import sign_in
from apps.editions.models import Edition
from apps.plans.models import DevelopmentPlan

from . import scale, scale_statistics

URLCONF = "apps.demo.bench_urls"


@dataclass
class World:
    """What the cases of one edition point at (the attribute paths of ``BenchCase.args``)."""

    key: str
    edition: Edition
    engagement: object
    long_plan: DevelopmentPlan
    actors: dict[str, User | None]
    event: object = None  # the edition's event (apps/demo/scale_events.py)
    survey: object = None  # the event's evaluation survey (apps/demo/scale_surveys.py)


def load_world(key: scale.EditionKey) -> World:
    edition = Edition.objects.select_related("organiser").get(slug=key.slug)
    engagements = list(edition.engagements.order_by("pk")[: scale.SAMPLE_INDEX + 1])
    engagement = engagements[scale.SAMPLE_INDEX]
    long_engagement = engagements[scale.LONG_PLAN_INDEX]
    long_plan = DevelopmentPlan.objects.get(engagement=long_engagement)

    def leader_of(e):
        return e.team_members.get(is_leader=True, left_at__isnull=True).user

    from apps.events.models import Event
    from apps.surveys.models import Survey

    return World(
        key=key.key,
        edition=edition,
        event=Event.objects.filter(planned_event__edition=edition).first(),
        survey=Survey.objects.filter(edition=edition).order_by("pk").first(),
        engagement=engagement,
        long_plan=long_plan,
        actors={
            "anonymous": None,
            "organiser": User.objects.get(email=scale.email(key, "organizator")),
            "advisor": User.objects.get(email=scale.email(key, "doradca000")),
            "leader": leader_of(engagement),
            "long_leader": leader_of(long_engagement),
            "admin": User.objects.get(email=f"admin@{scale.DOMAIN}"),
            "coordinator": User.objects.filter(email=scale_statistics.COORDINATOR).first(),
        },
    )


def _resolve(world: World, path: str):
    if path.startswith("="):
        return path[1:]
    value = world
    for part in path.split("."):
        value = getattr(value, part)
    return value


def case_url(case: BenchCase, world: World) -> str:
    kwargs = {name: _resolve(world, path) for name, path in case.args.items()}
    return reverse(case.url_name, kwargs=kwargs) + case.query.format(w=world)


@dataclass
class Measurement:
    median_ms: float
    queries: int
    kilobytes: float
    runs: int


@dataclass
class Row:
    key: str
    label: str
    signed_in: bool
    large: Measurement
    small: Measurement | None = None

    def growth(self) -> float | None:
        return self.large.median_ms / self.small.median_ms if self.small else None


@dataclass
class Report:
    """``floor_ms``: the floor for a signed-in person (session, second factor, messages); ``anonymous_floor_ms``
    for a visitor. Each page is compared with the floor of its actor."""

    floor_ms: float
    anonymous_floor_ms: float
    hdr_vs_admin: float = 0.0
    rows: list[Row] = field(default_factory=list)
    vendor: str = ""


@dataclass(frozen=True)
class Budget:
    """How long to keep measuring one page: at least ``min_runs``, then until ``seconds`` or ``max_runs``."""

    min_runs: int = 5
    max_runs: int = 40
    seconds: float = 1.5


def measure_together(targets: list[tuple[Client, str]], budget: Budget) -> list[Measurement]:
    """Measure several pages round-robin (the large and the small edition of a page, the HDR page and the admin
    list), so that a neighbour's load on the machine falls on all of them alike and their ratio holds."""
    queries, sizes = [], []
    for client, url in targets:
        response = client.get(url)  # warm: caches, compiled templates, the session
        if response.status_code != 200:
            raise AssertionError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        queries.append(len(ctx.captured_queries))  # now: the next request clears the connection's query log
        sizes.append(len(response.content) / 1024)
    times: list[list[float]] = [[] for _ in targets]
    started = time.perf_counter()
    while len(times[0]) < budget.min_runs or (
        len(times[0]) < budget.max_runs and time.perf_counter() - started < budget.seconds * len(targets)
    ):
        for index, (client, url) in enumerate(targets):
            t0 = time.perf_counter()
            client.get(url)
            times[index].append((time.perf_counter() - t0) * 1000)
    return [
        Measurement(statistics.median(t), q, size, len(t)) for t, q, size in zip(times, queries, sizes, strict=True)
    ]


def measure(client: Client, url: str, budget: Budget) -> Measurement:
    return measure_together([(client, url)], budget)[0]


def cases(only: str = "") -> list[tuple[str, BenchCase]]:
    autodiscover_modules("bench")
    return [(e.key, e.value) for e in BENCH.entries() if only in e.key]


# Not a page of the platform: the Django admin's list of the long HDR's actions, the yardstick for the HDR page.
ADMIN_ACTIONS = BenchCase(
    "Django admin list of the same 40 actions",
    "benchadmin:plans_plannedaction_changelist",
    query="?plan__id__exact={w.long_plan.pk}",
    actor="admin",
)


def run(*, budget: Budget = Budget(), only: str = "", compare: bool = True, log=lambda text: None) -> Report:
    with override_settings(ROOT_URLCONF=URLCONF):
        worlds = [load_world(scale.LARGE), load_world(scale.SMALL)]
        clients: dict[tuple[str, str], Client] = {}

        def client_for(world: World, actor: str) -> Client:
            if (world.key, actor) not in clients:
                client = Client()
                if world.actors[actor] is not None:
                    sign_in(client, world.actors[actor])
                clients[world.key, actor] = client
            return clients[world.key, actor]

        floor_url = reverse("bench_floor")
        floor_budget = Budget(min_runs=budget.min_runs * 4, max_runs=400, seconds=budget.seconds)

        def floors_now() -> dict[bool, float]:
            return {
                signed_in: measure(client_for(worlds[0], actor), floor_url, floor_budget).median_ms
                for signed_in, actor in ((True, "organiser"), (False, "anonymous"))
            }

        floors = [floors_now()]
        report = Report(floor_ms=0, anonymous_floor_ms=0, vendor=connection.vendor)
        selected = cases(only)
        if "admin" in only or not only:
            position = next((i for i, (k, _c) in enumerate(selected) if k == "plans.detail_40"), len(selected) - 1)
            selected.insert(position + 1, ("bench.admin_actions", ADMIN_ACTIONS))
        for key, case in selected:
            targets = [
                (client_for(world, case.actor), case_url(case, world))
                for world in (worlds if case.per_edition else worlds[:1])
            ]
            results = measure_together(targets, budget)
            row = Row(
                key=key,
                label=case.label,
                signed_in=case.actor != "anonymous",
                large=results[0],
                small=results[1] if len(results) > 1 else None,
            )
            report.rows.append(row)
            log(format_row(row, floors[0][row.signed_in]))
        if compare and (not only or "admin" in only) and "plans.detail_40" in BENCH:
            # The HDR page of 40 actions against the Django admin's list of the same actions, interleaved.
            page, admin = (
                (client_for(worlds[0], case.actor), case_url(case, worlds[0]))
                for case in (BENCH["plans.detail_40"], ADMIN_ACTIONS)
            )
            hdr, listing = measure_together([page, admin], budget)
            report.hdr_vs_admin = hdr.median_ms / listing.median_ms
            log(f"HDR page of 40 actions / admin list of them (interleaved): {report.hdr_vs_admin:.2f}")
        floors.append(floors_now())
        report.floor_ms = statistics.mean(f[True] for f in floors)
        report.anonymous_floor_ms = statistics.mean(f[False] for f in floors)
        return report


def format_row(row: Row, floor_ms: float) -> str:
    large, small = row.large, row.small
    growth = f"{row.growth():.2f}×" if small else "—"
    small_text = f"{small.median_ms:.1f} ms / {small.queries} q" if small else "—"
    return (
        f"| {row.label} | {large.median_ms:.1f} | {large.queries} | {large.median_ms / floor_ms:.0f}× | "
        f"{large.kilobytes:.0f} | {small_text} | {growth} |"
    )


def format_report(report: Report) -> str:
    lines = [
        f"Framework floor (minimal view, small template): signed in {report.floor_ms:.2f} ms, "
        f"anonymous {report.anonymous_floor_ms:.2f} ms; database: {report.vendor}",
        "",
        "| page | large: median ms | queries | × floor | KB | small edition (ms / queries) | growth small→large |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [format_row(row, report.floor_ms if row.signed_in else report.anonymous_floor_ms) for row in report.rows]
    if report.hdr_vs_admin:
        lines += ["", f"HDR page of 40 actions ÷ Django admin list of the same actions: {report.hdr_vs_admin:.2f}"]
    return "\n".join(lines)
