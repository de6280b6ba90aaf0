import pytest

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.engagements.factories import TeamMemberFactory
from apps.engagements.models import Stage
from apps.plans.factories import PlannedActionFactory, PlanRiskFactory, engagement_ready_for_plan
from apps.plans.models import DevelopmentPlan


@pytest.fixture
def leader(db):
    return UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")


@pytest.fixture
def member(db):
    return UserFactory(full_name="Bartosz Członkowski", email="czlonek@gmina.example")


@pytest.fixture
def advisors(db):
    return [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]


@pytest.fixture
def engagement(leader, member, advisors):
    engagement = engagement_ready_for_plan(leader=leader, advisors=advisors)
    TeamMemberFactory(engagement=engagement, user=member)
    engagement.stage = Stage.SUMMARY
    engagement.save(update_fields=["stage"])
    return engagement


@pytest.fixture
def organiser(engagement):
    user = UserFactory(full_name="Olga Organizatorka", email="organizator@ore.example")
    MembershipFactory(user=user, organisation=engagement.edition.organiser, role=Membership.Role.STAFF)
    return user


@pytest.fixture
def plan(engagement):
    """An HDR with one action per selected priority (the prefill reads them)."""
    plan = DevelopmentPlan.objects.create(
        engagement=engagement,
        period_start=engagement.edition.period_start.replace(day=1),
        period_end=engagement.edition.period_end.replace(day=1),
    )
    for priority in engagement.priorities.filter(is_selected=True):
        PlannedActionFactory(plan=plan, priority=priority, title=f"Działanie: {priority.title}", progress=60)
    PlanRiskFactory(plan=plan)
    return plan


def approve(plan) -> None:
    """The HDR approved as version 1 (what the plans app's review leaves)."""
    from apps.plans.models import PlanVersion
    from apps.plans.selectors import plan_contents, plan_with_header
    from apps.plans.snapshot import build_snapshot

    loaded = plan_with_header(plan.pk)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        status=PlanVersion.Status.APPROVED,
        snapshot=build_snapshot(loaded, **plan_contents(loaded)),
    )
    plan.approved_version = version
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.save(update_fields=["approved_version", "status"])


@pytest.fixture
def approved_plan(plan):
    approve(plan)
    return plan
