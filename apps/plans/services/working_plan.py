"""The working plan: header, actions and risks, with optimistic locking."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.engagements.models import STAGE_ORDER, Engagement, Stage
from apps.engagements.timeline import record_on_timeline

from ..models import DevelopmentPlan, PlannedAction, PlanRisk
from ..months import first_of_month, format_month
from .common import ACTION_FIELDS, HEADER_FIELDS, RISK_FIELDS, _lock, check_editable


def default_period(*, edition) -> tuple[date, date]:
    """The HDR covers the edition's period by default (whole months)."""
    return first_of_month(edition.period_start), first_of_month(edition.period_end)


@transaction.atomic
def create_plan(*, engagement: Engagement, by) -> DevelopmentPlan:
    engagement = Engagement.objects.select_for_update().select_related("edition").get(pk=engagement.pk)
    existing = DevelopmentPlan.objects.filter(engagement=engagement).first()
    if existing is not None:
        return existing
    if engagement.stage_index < STAGE_ORDER.index(Stage.PLAN):
        raise ValidationError(
            _("HDR powstaje po diagnozie potrzeb: najpierw zakończcie etap „%(stage)s”.")
            % {"stage": Stage(engagement.stage).label}
        )
    start, end = default_period(edition=engagement.edition)
    plan = DevelopmentPlan.objects.create(
        engagement=engagement, period_start=start, period_end=end, created_by=by, updated_by=by
    )
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="plan.created",
        kind="plan",
        target=plan,
        changes={"period": [format_month(start), format_month(end)]},
    )
    return plan


def _check_period(plan: DevelopmentPlan, start: date, end: date) -> None:
    edition = plan.engagement.edition
    lowest, highest = default_period(edition=edition)
    errors = {}
    if end < start:
        errors["period_end"] = _("Koniec okresu HDR nie może być wcześniej niż jego początek.")
    if start < lowest or start > highest:
        errors["period_start"] = _("Okres HDR mieści się w okresie realizacji edycji (%(start)s–%(end)s).") % {
            "start": format_month(lowest),
            "end": format_month(highest),
        }
    if end > highest or end < lowest:
        errors["period_end"] = _("Okres HDR mieści się w okresie realizacji edycji (%(start)s–%(end)s).") % {
            "start": format_month(lowest),
            "end": format_month(highest),
        }
    if errors:
        raise ValidationError(errors)
    outside = [a.title for a in plan.actions.all() if a.start_month < start or a.end_month > end]
    if outside:
        raise ValidationError(
            {
                "period_start": _(
                    "Poza nowym okresem znalazłyby się działania: %(titles)s. Najpierw zmień ich terminy."
                )
                % {"titles": "; ".join(f"„{t}”" for t in outside[:10])}
            }
        )


@transaction.atomic
def update_header(
    *, plan: DevelopmentPlan, expected_version: int, by, period_start: date, period_end: date, directions: str
) -> DevelopmentPlan:
    """Raises StaleEdit when someone saved the header since ``expected_version``."""
    stored = _lock(plan)
    check_editable(plan=stored)
    _check_period(stored, period_start, period_end)
    before = snapshot(stored, HEADER_FIELDS)
    stored.period_start, stored.period_end, stored.directions = period_start, period_end, directions.strip()
    stored.updated_by = by
    save_versioned(stored, expected_version=expected_version, fields=[*HEADER_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, HEADER_FIELDS))
    if changes:
        record(actor=by, action="plan.header_updated", target=stored, changes=changes)
    return stored


def _set(obj, fields: list[str], values: dict) -> None:
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def create_action(*, plan: DevelopmentPlan, by, **values) -> PlannedAction:
    stored = _lock(plan)
    check_editable(plan=stored)
    action = PlannedAction(plan=stored, created_by=by, updated_by=by)
    _set(action, ACTION_FIELDS, values)
    action.order = _next_order(stored.actions)
    action.full_clean()
    action.save()
    record(
        actor=by,
        action="plan.action_created",
        target=stored,
        changes={"action": action.title, **snapshot(action, ACTION_FIELDS)},
        about=PlannedAction,
    )
    return action


@transaction.atomic
def update_action(*, action: PlannedAction, expected_version: int, by, **values) -> PlannedAction:
    """Raises StaleEdit when someone saved this action since ``expected_version``."""
    stored_plan = _lock(action.plan)
    check_editable(plan=stored_plan)
    stored = PlannedAction.objects.select_related("priority", "solution").get(pk=action.pk)
    before = snapshot(stored, ACTION_FIELDS)
    _set(stored, ACTION_FIELDS, values)
    stored.plan = stored_plan
    stored.updated_by = by
    stored.full_clean()
    save_versioned(stored, expected_version=expected_version, fields=[*ACTION_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, ACTION_FIELDS))
    if changes:
        record(
            actor=by,
            action="plan.action_updated",
            target=stored_plan,
            changes={"action": stored.title, **changes},
            about=PlannedAction,
        )
    return stored


@transaction.atomic
def delete_action(*, action: PlannedAction, by) -> None:
    stored_plan = _lock(action.plan)
    check_editable(plan=stored_plan)
    if action.updates.exists() or action.measurements.exists() or action.evidence.exists():
        raise ValidationError(
            _(
                "Działanie ma już zapisany postęp, pomiary lub dowody realizacji. Zamiast je usuwać, "
                "ustaw w monitorowaniu stan „anulowane”."
            )
        )
    record(
        actor=by,
        action="plan.action_deleted",
        target=stored_plan,
        changes={"action": action.title, **snapshot(action, ACTION_FIELDS)},
        about=PlannedAction,
    )
    action.delete()


def _clean_risk(risk: PlanRisk) -> None:
    risk.full_clean(exclude=["plan"])


@transaction.atomic
def create_risk(*, plan: DevelopmentPlan, by, risk: str, mitigation: str) -> PlanRisk:
    stored = _lock(plan)
    check_editable(plan=stored)
    row = PlanRisk(plan=stored, risk=risk.strip(), mitigation=mitigation.strip(), updated_by=by)
    row.order = _next_order(stored.risks)
    _clean_risk(row)
    row.save()
    record(actor=by, action="plan.risk_created", target=stored, changes=snapshot(row, RISK_FIELDS), about=PlanRisk)
    return row


@transaction.atomic
def update_risk(*, plan_risk: PlanRisk, expected_version: int, by, **values) -> PlanRisk:
    # Not ``risk=``: that is the name of the risk's text, which arrives in ``values``.
    stored_plan = _lock(plan_risk.plan)
    check_editable(plan=stored_plan)
    stored = PlanRisk.objects.get(pk=plan_risk.pk)
    before = snapshot(stored, RISK_FIELDS)
    _set(stored, RISK_FIELDS, values)
    stored.updated_by = by
    _clean_risk(stored)
    save_versioned(stored, expected_version=expected_version, fields=[*RISK_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, RISK_FIELDS))
    if changes:
        record(actor=by, action="plan.risk_updated", target=stored_plan, changes=changes, about=PlanRisk)
    return stored


@transaction.atomic
def delete_risk(*, risk: PlanRisk, by) -> None:
    stored_plan = _lock(risk.plan)
    check_editable(plan=stored_plan)
    record(
        actor=by, action="plan.risk_deleted", target=stored_plan, changes=snapshot(risk, RISK_FIELDS), about=PlanRisk
    )
    risk.delete()
