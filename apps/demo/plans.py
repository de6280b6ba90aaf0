"""The demo HDRs (Harmonogram Działań Rozwojowych): written, submitted and approved through the plans services for
every demo engagement that has gone past the HDR stage, and monitored for those implementing it.

The content is invented and marked "(demo)"; it uses the selected priorities of the engagement's diagnosis and
the management solutions of its area in the edition's catalogue version.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from apps.accounts.models import User
from apps.catalog.models import ManagementSolution
from apps.engagements.models import Engagement, Stage
from apps.plans import services
from apps.plans.indicators import IndicatorUnit
from apps.plans.models import ActionUpdate, DevelopmentPlan, PlanApproval, PlannedAction, PlanRisk, PlanVersion

DIRECTIONS_TEXT = (
    "Przykład (demo): wdrażamy wybrane rozwiązania zarządcze etapami, zaczynając od uzgodnienia zasad z dyrektorami "
    "szkół; postępy omawiamy co miesiąc na spotkaniu zespołu i raz na kwartał z doradcami."
)
RISK = "Przykład (demo): zmiany kadrowe w urzędzie lub w szkołach opóźnią działania."
MITIGATION = (
    "Przykład (demo): każde działanie ma zastępcę osoby odpowiedzialnej; harmonogram jest przeglądany co miesiąc."
)


@dataclass(frozen=True)
class Cast:
    leader: User
    position: str
    personal_development: User
    management: User


def submit_plan(engagement: Engagement, cast: Cast, *, at: datetime) -> DevelopmentPlan:
    """The team writes the HDR (directions, one action per selected priority, a risk) and submits it."""
    by = cast.leader
    plan = services.create_plan(engagement=engagement, by=by)
    plan = services.update_header(
        plan=plan,
        expected_version=plan.version,
        by=by,
        period_start=plan.period_start,
        period_end=plan.period_end,
        directions=DIRECTIONS_TEXT,
    )
    area_ids = engagement.chosen_areas.values_list("area_id", flat=True)
    solutions = list(ManagementSolution.objects.filter(area_id__in=area_ids).order_by("area__order", "order"))
    for index, priority in enumerate(engagement.priorities.filter(is_selected=True).order_by("order")):
        solution = solutions[index % len(solutions)] if solutions else None
        services.create_action(
            plan=plan,
            by=by,
            priority=priority,
            title=f"{priority.title}: wdrożenie (demo)",
            description="Przykładowe działanie (demo).",
            responsible=cast.position,
            start_month=plan.period_start,
            end_month=plan.period_end,
            solution=solution,
            expected_result=f"Przykład (demo): {priority.goal}",
            indicator_name="Liczba szkół objętych działaniem",
            indicator_unit=IndicatorUnit.INSTITUTIONS,
            indicator_baseline="0",
            indicator_target="4",
            monitoring_method="Przykład (demo): sprawozdanie zespołu raz na kwartał.",
        )
    services.create_risk(plan=plan, by=by, risk=RISK, mitigation=MITIGATION)
    services.submit_plan(plan=plan, by=by)
    DevelopmentPlan.objects.filter(pk=plan.pk).update(created_at=at - timedelta(days=21), updated_at=at)
    PlannedAction.objects.filter(plan=plan).update(created_at=at - timedelta(days=14), updated_at=at)
    PlanRisk.objects.filter(plan=plan).update(created_at=at - timedelta(days=14), updated_at=at)
    PlanVersion.objects.filter(plan=plan).update(submitted_at=at)
    return plan


def approve_plan(plan: DevelopmentPlan, cast: Cast, *, at: datetime) -> None:
    """Both advisors approve the submitted HDR; the second approval moves the engagement to directions."""
    services.approve_plan(plan=plan, by=cast.personal_development)
    services.approve_plan(plan=plan, by=cast.management)
    DevelopmentPlan.objects.filter(pk=plan.pk).update(updated_at=at)
    PlanVersion.objects.filter(plan=plan).update(decided_at=at)
    PlanApproval.objects.filter(version__plan=plan).update(approved_at=at)


def record_progress(engagement: Engagement, cast: Cast, *, stage: str, at: datetime) -> None:
    """Monitoring: actions under way during implementation, done once the JST writes its summary."""
    plan = DevelopmentPlan.objects.get(engagement=engagement)
    done = stage in (Stage.SUMMARY, Stage.COMPLETED)
    for action in plan.actions.order_by("order"):
        services.record_action_progress(
            action=action,
            by=cast.leader,
            status=PlannedAction.Status.DONE if done else PlannedAction.Status.IN_PROGRESS,
            progress=100 if done else 50,
            note="Przykład (demo): stan realizacji omówiony z doradcami.",
        )
    ActionUpdate.objects.filter(action__plan=plan).update(at=at)
