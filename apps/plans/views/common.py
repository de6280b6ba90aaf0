"""What the HDR pages share: loading the plan for an edit page, its URLs and the page context."""

from django.urls import reverse

from apps.core.permissions import can

from .. import display, selectors, services
from ..forms import SectionCommentForm
from ..models import DevelopmentPlan, PlanComment
from ..months import format_month
from ..progress import is_overdue, roll_up, today


def _plan_url(plan_or_engagement, name="plans:detail", anchor="") -> str:
    engagement_pk = getattr(plan_or_engagement, "engagement_id", None) or plan_or_engagement.pk
    return reverse(name, kwargs={"engagement_pk": engagement_pk}) + (f"#{anchor}" if anchor else "")


def _detail_context(request, engagement, plan: DevelopmentPlan, *, problems=None, forms=None) -> dict:
    user = request.user
    contents = selectors.plan_contents(plan)
    priorities, actions, risks = contents["priorities"], contents["actions"], contents["risks"]
    on = today()
    for action in actions:
        action.overdue = is_overdue(action, on)
    rollup = roll_up(actions, [p.pk for p in priorities], on)
    comments = selectors.comments_of(plan)
    by_section: dict[str, list] = {}
    by_action: dict[int, list] = {}
    for thread in comments:
        if thread.action_id:
            by_action.setdefault(thread.action_id, []).append(thread)
        else:
            by_section.setdefault(thread.section, []).append(thread)
    for action in actions:
        action.threads = by_action.get(action.pk, [])
    orphan_threads = [t for t in comments if t.section == PlanComment.Section.ACTION and not t.action_id]
    groups = [
        {
            "priority": priority,
            "actions": [a for a in actions if a.priority_id == priority.pk],
            "progress": rollup.by_priority.get(priority.pk),
        }
        for priority in priorities
    ]
    selected = {p.pk for p in priorities}
    review = selectors.review_in_progress(plan)
    approvals = list(review.approvals.all()) if review else []
    needed = services.approvals_needed(engagement=engagement)
    may_edit = can(user, "plan.edit", plan)
    may_review = can(user, "plan.review", plan)
    if problems is None and plan.status == DevelopmentPlan.Status.DRAFT:
        problems = services.submission_problems(plan=plan, **contents)
    problems_by_anchor: dict[str, list[str]] = {}
    for problem in problems or []:
        problems_by_anchor.setdefault(problem.anchor, []).append(problem.message)
    # Each message is shown next to the part of the page it is about, and all of them in the summary on top.
    for group in groups:
        group["problems"] = problems_by_anchor.get(f"priorytet-{group['priority'].pk}", [])
    for action in actions:
        action.problems = problems_by_anchor.get(f"dzialanie-{action.pk}", [])
    display.prepare_actions(engagement, actions)
    return {
        "engagement": engagement,
        "plan": plan,
        "labels": display.action_labels(),
        "comment_url": reverse("plans:comment_create", kwargs={"engagement_pk": engagement.pk}),
        "groups": groups,
        "unassigned": [a for a in actions if a.priority_id not in selected],
        "actions": actions,
        "risks": risks,
        "rollup": rollup,
        "section_threads": by_section,
        "orphan_threads": orphan_threads,
        "review": review,
        "approvals": approvals,
        "approved_by_me": any(a.advisor_id == user.pk for a in approvals),
        "missing_advisor": any(user_id is None for user_id in needed.values()),
        "change_request": selectors.last_change_request(plan) if plan.status == DevelopmentPlan.Status.DRAFT else None,
        "problems": problems,
        "section_problems": {key: problems_by_anchor.get(key, []) for key in ("priorytety", "kierunki", "ryzyka")},
        "show_problems": forms is not None and forms.get("submitted"),
        "may_edit": may_edit and plan.is_editable,
        "may_comment": may_edit,
        "may_submit": can(user, "plan.submit", plan) and plan.status == DevelopmentPlan.Status.DRAFT,
        "may_review": may_review and plan.status == DevelopmentPlan.Status.IN_REVIEW,
        "may_reopen": can(user, "plan.submit", plan) and plan.status == DevelopmentPlan.Status.APPROVED,
        "may_monitor": can(user, "plan.monitor", plan),
        "section_form": (forms or {}).get("section_form") or SectionCommentForm(),
        "Section": PlanComment.Section,
        "Status": DevelopmentPlan.Status,
        "period_text": f"{format_month(plan.period_start)}–{format_month(plan.period_end)}",
    }
