"""Reads of HDRs, scoped through the engagement the user may see (404 otherwise), loaded so that a page's query
count does not grow with its actions, comments or plans."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.engagements.models import AdvisorAssignment, ChosenArea, DevelopmentPriority, TeamMember
from apps.engagements.selectors import engagement_for, engagements_visible_to
from apps.territory.models import LocalGovernment
from apps.territory.selectors import matching

from .models import (
    ActionUpdate,
    DevelopmentPlan,
    Evidence,
    IndicatorMeasurement,
    PlanApproval,
    PlanComment,
    PlannedAction,
    PlanRisk,
    PlanVersion,
    ProgressReport,
)
from .months import first_of_month
from .progress import CLOSED, today


def _header_prefetches(prefix: str = "engagement__") -> list:
    return [
        Prefetch(
            f"{prefix}team_members",
            queryset=TeamMember.objects.filter(left_at__isnull=True).order_by("-is_leader", "full_name"),
        ),
        Prefetch(f"{prefix}advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")),
        Prefetch(f"{prefix}chosen_areas", queryset=ChosenArea.objects.select_related("area")),
    ]


def plan_with_header(pk: int) -> DevelopmentPlan:
    """The plan with everything its header shows (JST, edition, team, advisors, areas)."""
    return (
        DevelopmentPlan.objects.select_related(
            "engagement__edition", "engagement__local_government__voivodeship", "approved_version"
        )
        .prefetch_related(*_header_prefetches())
        .get(pk=pk)
    )


def plan_of(engagement) -> DevelopmentPlan | None:
    """The engagement's plan; ``engagement`` comes from ``engagement_for`` with its team, advisors and areas."""
    newest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number")
    plan = (
        DevelopmentPlan.objects.filter(engagement=engagement)
        .select_related("approved_version", "updated_by")
        .defer("approved_version__snapshot")
        # Whether the newest version asks for changes, so the page looks the request up only when there is one.
        .annotate(newest_version_status=Subquery(newest.values("status")[:1]))
        .first()
    )
    if plan is not None:
        plan.engagement = engagement
    return plan


def plan_for(user, engagement_pk: int) -> tuple[object, DevelopmentPlan]:
    """The engagement the user may see and its plan; 404 for an engagement they may not see or with no plan."""
    engagement = engagement_for(user, engagement_pk)
    plan = plan_of(engagement)
    if plan is None:
        raise Http404
    return engagement, plan


def selected_priorities(engagement) -> list[DevelopmentPriority]:
    return list(engagement.priorities.filter(is_selected=True).order_by("order", "pk"))


def plan_contents(plan: DevelopmentPlan) -> dict:
    """Selected priorities, actions and risks, in the HDR's order, in three queries."""
    # Every priority of the JST in one query (actions may sit at one no longer selected), set on the actions
    # instead of joined and built again for each of them.
    all_priorities = list(plan.engagement.priorities.order_by("order", "pk"))
    by_pk = {priority.pk: priority for priority in all_priorities}
    actions = list(
        plan.actions.select_related("solution", "responsible_member", "updated_by").order_by(
            "priority__order", "priority_id", "start_month", "order", "pk"
        )
    )
    for action in actions:
        if action.priority_id in by_pk:
            action.priority = by_pk[action.priority_id]
    return {
        "priorities": [priority for priority in all_priorities if priority.is_selected],
        "actions": actions,
        "risks": list(plan.risks.select_related("updated_by")),
    }


def comments_of(plan: DevelopmentPlan) -> list[PlanComment]:
    """Threads (first comments) with their replies, oldest first."""
    return list(
        plan.comments.filter(parent__isnull=True)
        .select_related("version", "resolved_by")
        .prefetch_related(Prefetch("replies", queryset=PlanComment.objects.order_by("created_at", "pk")))
    )


def versions_of(plan: DevelopmentPlan) -> list[PlanVersion]:
    return list(
        plan.versions.select_related("submitted_by", "decided_by")
        .prefetch_related(Prefetch("approvals", queryset=PlanApproval.objects.select_related("advisor")))
        .defer("snapshot")
        .order_by("-number")
    )


def version_of(plan: DevelopmentPlan, number: int) -> PlanVersion:
    return get_object_or_404(
        plan.versions.select_related("submitted_by", "decided_by").prefetch_related(
            Prefetch("approvals", queryset=PlanApproval.objects.select_related("advisor"))
        ),
        number=number,
    )


def review_in_progress(plan: DevelopmentPlan) -> PlanVersion | None:
    if plan.status != DevelopmentPlan.Status.IN_REVIEW:
        return None
    return (
        plan.versions.filter(status=PlanVersion.Status.IN_REVIEW)
        .prefetch_related(Prefetch("approvals", queryset=PlanApproval.objects.select_related("advisor")))
        .defer("snapshot")
        .order_by("-number")
        .first()
    )


def last_change_request(plan: DevelopmentPlan) -> PlanVersion | None:
    """The change request the draft answers: only while it is the newest version. Once a later version was
    submitted or approved (and a new version started from it), the old request no longer applies."""
    if (
        getattr(plan, "newest_version_status", PlanVersion.Status.CHANGES_REQUESTED)
        != PlanVersion.Status.CHANGES_REQUESTED
    ):
        return None
    latest = plan.versions.select_related("decided_by").defer("snapshot").order_by("-number").first()
    return latest if latest is not None and latest.status == PlanVersion.Status.CHANGES_REQUESTED else None


def action_of(plan: DevelopmentPlan, pk: int) -> PlannedAction:
    action = get_object_or_404(
        plan.actions.select_related("priority", "solution", "responsible_member", "updated_by"), pk=pk
    )
    action.plan = plan
    return action


def action_with_monitoring(plan: DevelopmentPlan, pk: int) -> PlannedAction:
    action = get_object_or_404(
        plan.actions.select_related("priority", "solution", "responsible_member").prefetch_related(
            Prefetch("updates", queryset=ActionUpdate.objects.order_by("-at", "-pk")),
            Prefetch("measurements", queryset=IndicatorMeasurement.objects.order_by("-measured_on", "-pk")),
            Prefetch("evidence", queryset=Evidence.objects.order_by("-created_at", "-pk")),
        ),
        pk=pk,
    )
    action.plan = plan
    return action


def risk_of(plan: DevelopmentPlan, pk: int) -> PlanRisk:
    risk = get_object_or_404(plan.risks.select_related("updated_by"), pk=pk)
    risk.plan = plan
    return risk


def comment_of(plan: DevelopmentPlan, pk: int) -> PlanComment:
    comment = get_object_or_404(plan.comments.select_related("parent"), pk=pk)
    comment.plan = plan
    return comment


def evidence_of(plan: DevelopmentPlan, action_pk: int, pk: int) -> Evidence:
    return get_object_or_404(Evidence.objects.filter(action__plan=plan, action_id=action_pk), pk=pk)


def monitoring_actions(plan: DevelopmentPlan) -> list[PlannedAction]:
    """Actions with their latest measurement count, for the monitoring overview."""
    return list(
        plan.actions.select_related("priority")
        .annotate(
            measurement_count=Count("measurements", distinct=True), evidence_count=Count("evidence", distinct=True)
        )
        .order_by("priority__order", "priority_id", "start_month", "order", "pk")
    )


def progress_reports(plan: DevelopmentPlan) -> list[ProgressReport]:
    return list(plan.progress_reports.all())


# Lists of plans across engagements.


def plans_visible_to(user) -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.filter(engagement__in=engagements_visible_to(user))


def _waiting_for(user) -> Q:
    """In review, the user is one of the JST's advisors and has not approved the version under review."""
    approved_by_user = PlanApproval.objects.filter(
        version__plan=OuterRef("pk"), version__status=PlanVersion.Status.IN_REVIEW, advisor=user
    )
    return Q(
        status=DevelopmentPlan.Status.IN_REVIEW,
        engagement__advisor_assignments__user=user,
    ) & ~Q(Exists(approved_by_user))


PLAN_SORTS = {
    "jst": ("engagement__local_government__display_name", "pk"),
    "-jst": ("-engagement__local_government__display_name", "-pk"),
    "stan": ("status", "engagement__local_government__display_name", "pk"),
    "edycja": ("engagement__edition__name", "engagement__local_government__display_name", "pk"),
    "dzialania": ("action_count", "engagement__local_government__display_name", "pk"),
    "-dzialania": ("-action_count", "engagement__local_government__display_name", "pk"),
    "po-terminie": ("-overdue_count", "engagement__local_government__display_name", "pk"),
}


def overdue_actions():
    """Actions of approved plans whose end month has passed and that are neither done nor cancelled."""
    return PlannedAction.objects.filter(
        plan__approved_version__isnull=False, end_month__lt=first_of_month(today())
    ).exclude(status__in=CLOSED)


def plan_list(
    user,
    *,
    status: str = "",
    waiting: bool = False,
    edition_slug: str = "",
    query: str = "",
    overdue_only: bool = False,
    sort: str = "jst",
) -> QuerySet[DevelopmentPlan]:
    """Plans for a list page: one row each, in a fixed number of queries whatever their count."""
    plans = plans_visible_to(user)
    if status in DevelopmentPlan.Status.values:
        plans = plans.filter(status=status)
    if waiting:
        plans = plans.filter(_waiting_for(user))
    if edition_slug:
        plans = plans.filter(engagement__edition__slug=edition_slug)
    if query.strip():
        plans = plans.filter(engagement__local_government__in=matching(LocalGovernment.objects.all(), query))
    # Counts as correlated subqueries, not joins: joining actions, versions and comments would multiply the rows
    # (20 actions × versions × comments per plan) before grouping.
    plans = (
        plans.select_related("engagement__local_government", "engagement__edition", "approved_version")
        .defer("approved_version__snapshot")
        .annotate(
            action_count=_count(PlannedAction.objects.filter(plan=OuterRef("pk"))),
            version_count=_count(PlanVersion.objects.filter(plan=OuterRef("pk"))),
            open_comments=_count(
                PlanComment.objects.filter(plan=OuterRef("pk"), parent__isnull=True, resolved_at__isnull=True)
            ),
            overdue_count=Coalesce(_count(overdue_actions().filter(plan=OuterRef("pk"))), 0),
        )
    )
    if overdue_only:
        plans = plans.filter(overdue_count__gt=0)
    return plans.order_by(*PLAN_SORTS.get(sort, PLAN_SORTS["jst"]))


def _count(queryset) -> Subquery:
    return Subquery(queryset.order_by().values("plan").annotate(n=Count("pk")).values("n")[:1])


def plans_waiting_for(user) -> QuerySet[DevelopmentPlan]:
    return plan_list(user, waiting=True)


def editions_with_plans(user) -> list:
    """The editions whose HDRs the user sees, for the list's edition filter (one query)."""
    from apps.editions.models import Edition

    return list(
        Edition.objects.filter(pk__in=plans_visible_to(user).values("engagement__edition"))
        .order_by("-period_start", "name")
        .only("slug", "name")
    )
