"""Two people edit the same part of the HDR at once (issue 9 item 1): after the refused stale save, what the second
person did not change takes what the first one saved (an advisor's cost survives a team member's title change),
their own change is kept, and a field both changed is shown side by side."""

import pytest

from apps.core.form_testing import concurrent_edit
from apps.plans import services
from apps.plans.models import DevelopmentPlan, PlannedAction, PlanRisk
from apps.plans.months import add_months
from apps.plans.tests.helpers import action_values
from apps.plans.tests.test_views import client_for, url

pytestmark = pytest.mark.django_db


def test_action_merge_keeps_the_cost_the_advisor_saved(plan, priorities, leader, advisors):
    action = services.create_action(plan=plan, by=leader, **action_values(priorities[0], plan))
    refused, final = concurrent_edit(
        url(plan, "plans:action_edit", pk=action.pk),
        first=client_for(advisors[0]),
        second=client_for(leader),
        first_changes={"cost": "18 500,00", "funding_source": "Budżet gminy", "indicator_target": "15"},
        second_changes={"title": "Szkolenie dyrektorów i wicedyrektorów"},
        field="title",
    )
    assert final.status_code == 302
    action = PlannedAction.objects.get(pk=action.pk)
    assert action.title == "Szkolenie dyrektorów i wicedyrektorów"
    assert (str(action.cost), action.funding_source, action.indicator_target) == ("18500.00", "Budżet gminy", "15")
    conflict = refused.context["conflict"]
    assert conflict.fields == [] and conflict.by == advisors[0].full_name


def test_action_field_both_changed_is_shown_side_by_side(plan, priorities, leader, advisors):
    action = services.create_action(plan=plan, by=leader, **action_values(priorities[0], plan))
    end = add_months(plan.period_start, 4)
    refused, final = concurrent_edit(
        url(plan, "plans:action_edit", pk=action.pk),
        first=client_for(advisors[0]),
        second=client_for(leader),
        first_changes={"end_month": f"{end:%Y-%m}", "title": "Tytuł doradcy"},
        second_changes={"title": "Tytuł zespołu", "partners": "Poradnia"},
        field="title",
    )
    conflict = refused.context["conflict"]
    assert [(row.label, row.theirs, row.mine) for row in conflict.fields] == [
        ("Działanie (co?)", "Tytuł doradcy", "Tytuł zespołu")
    ]
    assert conflict.taken == ["Koniec (miesiąc)"] and conflict.kept == ["Partnerzy"]
    action = PlannedAction.objects.get(pk=action.pk)
    assert (action.title, action.partners, action.end_month) == ("Tytuł zespołu", "Poradnia", end)


def test_header_merge_keeps_the_directions_the_other_person_saved(plan, leader, advisors):
    end = add_months(plan.period_end, -1)
    refused, final = concurrent_edit(
        url(plan, "plans:header_edit"),
        first=client_for(advisors[1]),
        second=client_for(leader),
        first_changes={"directions": "Kierunki doradczyni"},
        second_changes={"period_end": f"{end:%Y-%m}"},
        field="directions",
    )
    assert final.status_code == 302
    plan = DevelopmentPlan.objects.get(pk=plan.pk)
    assert (plan.directions, plan.period_end) == ("Kierunki doradczyni", end)
    assert "Ktoś zapisał zmiany w tym samym czasie" in refused.content.decode()


def test_risk_merge_keeps_the_mitigation_the_other_person_saved(plan, leader, advisors):
    risk = services.create_risk(plan=plan, by=leader, risk="Rotacja kadry", mitigation="Zastępstwa")
    refused, final = concurrent_edit(
        url(plan, "plans:risk_edit", pk=risk.pk),
        first=client_for(advisors[0]),
        second=client_for(leader),
        first_changes={"mitigation": "Zastępstwa i szkolenia"},
        second_changes={"risk": "Rotacja kadry w urzędzie"},
        field="risk",
    )
    assert final.status_code == 302
    risk = PlanRisk.objects.get(pk=risk.pk)
    assert (risk.risk, risk.mitigation) == ("Rotacja kadry w urzędzie", "Zastępstwa i szkolenia")
    assert refused.context["conflict"].taken == ["Sposób reagowania"]
