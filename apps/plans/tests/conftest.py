import pytest

from apps.accounts.factories import UserFactory
from apps.plans import services
from apps.plans.factories import engagement_ready_for_plan
from apps.plans.tests.helpers import action_values


@pytest.fixture
def leader(db):
    return UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")


@pytest.fixture
def advisors(db):
    return [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]


@pytest.fixture
def engagement(leader, advisors):
    return engagement_ready_for_plan(leader=leader, advisors=advisors)


@pytest.fixture
def priorities(engagement):
    return list(engagement.priorities.filter(is_selected=True).order_by("order"))


@pytest.fixture
def plan(engagement, leader):
    return services.create_plan(engagement=engagement, by=leader)


@pytest.fixture
def complete_plan(plan, priorities, leader):
    """A plan that may be submitted: an action for each priority, directions and a risk."""
    for number, priority in enumerate(priorities, start=1):
        services.create_action(plan=plan, by=leader, **action_values(priority, plan, title=f"Działanie {number}"))
    plan = services.update_header(
        plan=plan,
        expected_version=plan.version,
        by=leader,
        period_start=plan.period_start,
        period_end=plan.period_end,
        directions="Najpierw szkolenia, potem wdrożenie narzędzi.",
    )
    services.create_risk(plan=plan, by=leader, risk="Rotacja kadry", mitigation="Zastępstwa")
    return plan
