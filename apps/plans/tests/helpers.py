"""Values and steps the plans tests share."""

from apps.plans import services
from apps.plans.indicators import IndicatorUnit
from apps.plans.months import add_months


def action_values(priority, plan, **overrides) -> dict:
    values = {
        "priority": priority,
        "title": "Szkolenie dyrektorów z zarządzania zmianą",
        "description": "",
        "responsible": "Wydział Edukacji",
        "responsible_member": None,
        "partners": "",
        "start_month": plan.period_start,
        "end_month": add_months(plan.period_start, 2),
        "resources": "",
        "cost": None,
        "funding_source": "",
        "solution": None,
        "solution_text": "",
        "expected_result": "Dyrektorzy znają zasady zarządzania zmianą",
        "indicator_name": "Liczba przeszkolonych dyrektorów",
        "indicator_unit": IndicatorUnit.PERSONS,
        "indicator_baseline": "0",
        "indicator_target": "12",
        "monitoring_method": "Listy obecności",
    }
    values.update(overrides)
    return values


def approve_by_both(plan, advisors):
    for advisor in advisors:
        services.approve_plan(plan=plan, by=advisor)
    plan.refresh_from_db()
    return plan
