"""Who may do what with an HDR. The plan follows its engagement: the JST's team and its two advisors work on
it, the organiser of the edition and the national coordinator read it, everybody else gets 404."""

from apps.core.permissions import can, rule


@rule("plan.view")
def can_view(user, roles, plan):
    return can(user, "engagement.view", plan.engagement)


@rule("plan.create")
def can_create(user, roles, engagement):
    return can(user, "engagement.work", engagement)


@rule("plan.edit")
def can_edit(user, roles, plan):
    """Edit the working copy and comment: the team and the advisors (the plan's state decides when)."""
    return can(user, "engagement.work", plan.engagement)


@rule("plan.submit")
def can_submit(user, roles, plan):
    """Submit for approval and start a new version: the JST's team."""
    return can(user, "engagement.contribute_as_team", plan.engagement)


@rule("plan.review")
def can_review(user, roles, plan):
    """Approve or request changes: the JST's advisors."""
    return can(user, "engagement.advise", plan.engagement)


@rule("plan.monitor")
def can_monitor(user, roles, plan):
    """Record progress, indicator values, evidence and progress reports: the team and the advisors."""
    return can(user, "engagement.work", plan.engagement)


@rule("plan_version.view")
def can_view_version(user, roles, version):
    return can(user, "engagement.view", version.plan.engagement)


@rule("plan.list")
def can_list_plans(user, roles, obj=None):
    """The list of HDRs of many JSTs (team members reach their HDR from their karta JST)."""
    return roles.is_advisor or roles.is_organiser_staff or roles.is_coordinator
